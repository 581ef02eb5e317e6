package dev.facet.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.imaging.ChannelPresets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelNamesTest {

  private final ChannelNames builtIn = ChannelNames.of(ChannelPresets.builtIn());

  @Test
  void aliasesAndAnyCaseMeanThePresets() {
    assertThat(builtIn.resolve(List.of("amazon", "google", "google-shopping", " Etsy ", "MASTER")))
        .containsExactly("amazon-main", "google-merchant", "etsy", "master");
  }

  @Test
  void aChannelNamedTwiceIsProducedOnce() {
    assertThat(builtIn.resolve(List.of("amazon", "amazon-main"))).containsExactly("amazon-main");
  }

  @Test
  void unknownNamesAreAllNamedWithTheChannelsThereAre() {
    assertThatThrownBy(() -> builtIn.resolve(List.of("amazn", "etsy", "ebey")))
        .isInstanceOf(UnknownChannelException.class)
        .hasMessage(
            "unknown channels 'amazn', 'ebey'; the channels are amazon-main (or amazon),"
                + " amazon-secondary, ebay, etsy, google-merchant (or google, google-shopping),"
                + " master, shopify, walmart");
  }

  @Test
  void aPresetOfTheAliasNameWinsOverTheAlias() {
    ChannelNames names = new ChannelNames(List.of("amazon", "amazon-main"));

    assertThat(names.resolve("amazon")).isEqualTo("amazon");
    assertThat(names.describe()).isEqualTo("amazon, amazon-main");
  }

  @Test
  void anAliasOfAPresetThatIsNotThereMeansNothing() {
    assertThat(new ChannelNames(List.of("etsy")).find("amazon")).isEmpty();
  }
}
