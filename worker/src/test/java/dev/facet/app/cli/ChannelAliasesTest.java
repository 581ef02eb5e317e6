package dev.facet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code qa} and {@code finish} take a channel's alias as {@code run} does. */
class ChannelAliasesTest {

  private final CommandLines facet = new CommandLines();

  @Test
  void everyChannelOfARepeatedOrListedOptionIsResolvedBeforeAnythingIsRead() {
    // The photo does not exist: the channels were resolved, so finish got as far as the photo.
    assertThat(
            facet.execute(
                "finish",
                "--channel",
                "amazon",
                "--channels",
                "google, etsy",
                "--out",
                "target/channel-aliases",
                "missing.jpg"))
        .isEqualTo(1);
    assertThat(facet.out())
        .contains("missing.jpg", "NOT FINISHED: no such file")
        .contains("0 of 1 photos finished");
  }

  @Test
  void anUnknownChannelListsTheChannelsWithTheirAliases() {
    assertThat(facet.execute("finish", "--channel", "amazn", "a.jpg")).isEqualTo(2);
    assertThat(facet.err())
        .startsWith("Unknown channel 'amazn'; the channels are amazon-main (or amazon),")
        .contains("Usage: facet finish");
  }

  @Test
  void qaTakesAnAliasToo() {
    assertThat(
            facet.execute(
                "qa", "--reference", "r.jpg", "--candidate", "c.jpg", "--channel", "amazn"))
        .isEqualTo(2);
    assertThat(facet.err()).startsWith("Unknown channel 'amazn'");

    CommandLines known = new CommandLines();
    assertThat(known.execute("qa", "-r", "r.jpg", "-c", "c.jpg", "--channel", "amazon"))
        .isEqualTo(2);
    assertThat(known.err()).as("past the channel, to the missing photo").contains("cannot read");
  }

  @Test
  void qaNeedsItsPhotos() {
    assertThat(facet.execute("qa", "--candidate", "c.jpg")).isEqualTo(2);
    assertThat(facet.err()).contains("Missing required option: '--reference=PHOTO'");
  }
}
