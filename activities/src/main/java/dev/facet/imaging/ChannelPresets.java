package dev.facet.imaging;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The channel presets Facet knows, by name: the built-in {@code channel-presets.json}, with an
 * optional user file merged over it ({@link ChannelPresetsFile} says how).
 */
public final class ChannelPresets {

  /** System property naming a user presets file; the environment variable below is the fallback. */
  public static final String FILE_PROPERTY = "facet.channel-presets";

  public static final String FILE_VARIABLE = "FACET_CHANNEL_PRESETS";

  private final Map<String, ChannelPreset> byName = new TreeMap<>();

  public ChannelPresets(Collection<ChannelPreset> presets) {
    for (ChannelPreset p : presets) byName.put(p.name(), p);
  }

  /** The built-in presets alone. */
  public static ChannelPresets builtIn() {
    return new ChannelPresets(ChannelPresetsFile.builtIn().presets());
  }

  /** The built-in presets with {@code userFile} merged over them. */
  public static ChannelPresets withUserFile(Path userFile) {
    return new ChannelPresets(ChannelPresetsFile.builtIn().mergedWith(userFile).presets());
  }

  /**
   * The built-in presets, with the user file named by {@value #FILE_PROPERTY} or {@value
   * #FILE_VARIABLE} merged over them when one is set. A broken user file stops the start with its
   * error rather than silently falling back.
   */
  public static ChannelPresets defaults() {
    String file = System.getProperty(FILE_PROPERTY, System.getenv(FILE_VARIABLE));
    return file == null || file.isBlank() ? builtIn() : withUserFile(Path.of(file));
  }

  public Optional<ChannelPreset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public ChannelPreset get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown channel \"" + name + "\"; known channels: " + String.join(", ", names())));
  }

  public Set<String> names() {
    return byName.keySet();
  }

  public List<ChannelPreset> all() {
    return List.copyOf(byName.values());
  }
}
