package dev.facet.imaging;

/** A channel presets document that cannot be used, with where and why. */
public final class ChannelPresetException extends IllegalArgumentException {

  public ChannelPresetException(String source, String problem) {
    super("channel presets (" + source + "): " + problem);
  }
}
