package dev.facet.app.policy;

import dev.facet.imaging.ChannelPresets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Channel names as sellers type them: a preset's own name ({@code amazon-main}) or a short alias
 * ({@code amazon}), in any case. The one place a channel name is resolved, so {@code run}, {@code
 * qa}, the API and catalog files accept the same names and refuse the same ones with the same list.
 */
public final class ChannelNames {

  /** Short names for the built-in presets, the way sellers say them. */
  public static final Map<String, String> ALIASES = aliases();

  private final Set<String> presets;

  public ChannelNames(Collection<String> presets) {
    this.presets = new TreeSet<>(presets);
  }

  public static ChannelNames of(ChannelPresets presets) {
    return new ChannelNames(presets.names());
  }

  /** The preset {@code name} means; empty when it means none. */
  public Optional<String> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String typed = name.strip();
    // A preset's own name wins over an alias, so a user file may define a channel called "amazon".
    if (presets.contains(typed)) {
      return Optional.of(typed);
    }
    String lower = typed.toLowerCase(Locale.ROOT);
    if (presets.contains(lower)) {
      return Optional.of(lower);
    }
    return Optional.ofNullable(ALIASES.get(lower)).filter(presets::contains);
  }

  /**
   * The presets {@code names} mean, in their order, each once.
   *
   * @throws UnknownChannelException naming every name that means none, and the channels there are
   */
  public List<String> resolve(List<String> names) {
    List<String> resolved = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      Optional<String> preset = find(name);
      if (preset.isEmpty()) {
        unknown.add(name);
      } else if (!resolved.contains(preset.get())) {
        resolved.add(preset.get());
      }
    }
    if (!unknown.isEmpty()) {
      throw new UnknownChannelException(unknown, describe());
    }
    return List.copyOf(resolved);
  }

  /**
   * @throws UnknownChannelException when {@code name} means no preset
   */
  public String resolve(String name) {
    return resolve(List.of(name)).get(0);
  }

  /** Every channel with its aliases: {@code amazon-main (or amazon), etsy, …}. */
  public String describe() {
    return presets.stream()
        .map(preset -> preset + aliasesOf(preset))
        .collect(Collectors.joining(", "));
  }

  private String aliasesOf(String preset) {
    List<String> aliases =
        ALIASES.entrySet().stream()
            .filter(alias -> alias.getValue().equals(preset) && !presets.contains(alias.getKey()))
            .map(Map.Entry::getKey)
            .toList();
    return aliases.isEmpty() ? "" : " (or " + String.join(", ", aliases) + ")";
  }

  private static Map<String, String> aliases() {
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("amazon", "amazon-main");
    aliases.put("google", "google-merchant");
    aliases.put("google-shopping", "google-merchant");
    return Collections.unmodifiableMap(aliases);
  }
}
