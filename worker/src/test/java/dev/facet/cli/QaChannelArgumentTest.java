package dev.facet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QaChannelArgumentTest {

  @Test
  void anAliasBecomesItsPreset() {
    assertThat(QaChannelArgument.resolved(new String[] {"--candidate", "c.jpg", "--channel", "amazon"}))
        .containsExactly("--candidate", "c.jpg", "--channel", "amazon-main");
  }

  @Test
  void withoutAChannelTheArgumentsStayAsGiven() {
    String[] args = {"--reference", "r.jpg", "--candidate", "c.jpg"};

    assertThat(QaChannelArgument.resolved(args)).containsExactly(args);
  }

  @Test
  void anUnknownChannelListsTheChannelsWithTheirAliases() {
    assertThatThrownBy(() -> QaChannelArgument.resolved(new String[] {"--channel", "amazn"}))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("qa: unknown channel 'amazn'; the channels are amazon-main (or amazon),");
  }
}
