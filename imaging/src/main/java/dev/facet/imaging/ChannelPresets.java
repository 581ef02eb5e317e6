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

  /** The built-in presets, with {@code userFile} merged over them when there is one. */
  public static ChannelPresets of(Optional<Path> userFile) {
    return userFile.map(ChannelPresets::withUserFile).orElseGet(ChannelPresets::builtIn);
  }

  public Optional<ChannelPreset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public ChannelPreset get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown channel \""
                        + name
                        + "\"; known channels: "
                        + String.join(", ", names())));
  }

  public Set<String> names() {
    return byName.keySet();
  }

  public List<ChannelPreset> all() {
    return List.copyOf(byName.values());
  }
}
