package dev.facet.app.cli;

import dev.facet.app.run.UsageException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelArgumentsTest {

  @Test
  void anAliasBecomesItsPreset() {
    assertThat(ChannelArguments.resolved("qa", new String[] {"--candidate", "c.jpg", "--channel", "amazon"}))
        .containsExactly("--candidate", "c.jpg", "--channel", "amazon-main");
  }

  @Test
  void everyChannelOfARepeatedOrListedOptionIsResolved() {
    assertThat(ChannelArguments.resolved("finish",
            new String[] {"--channel", "amazon", "--channels", "google, etsy", "a.jpg"}))
        .containsExactly("--channel", "amazon-main", "--channels", "google-merchant,etsy", "a.jpg");
  }

  @Test
  void withoutAChannelTheArgumentsStayAsGiven() {
    String[] args = {"--reference", "r.jpg", "--candidate", "c.jpg"};

    assertThat(ChannelArguments.resolved("qa", args)).containsExactly(args);
  }

  @Test
  void anUnknownChannelListsTheChannelsWithTheirAliases() {
    assertThatThrownBy(() -> ChannelArguments.resolved("finish", new String[] {"--channel", "amazn", "a.jpg"}))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("finish: unknown channel 'amazn'; the channels are amazon-main (or amazon),");
  }
}
