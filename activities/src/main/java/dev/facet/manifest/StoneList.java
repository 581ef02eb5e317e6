package dev.facet.manifest;

import dev.facet.model.Stone;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact form of a product's stones in a catalog: {@code type:count:cut:colour} entries
 * separated by {@code ;}, e.g. {@code ruby:1:round brilliant:deep red;diamond:14:round
 * brilliant:colourless}. Only the type is required; count defaults to 1.
 */
final class StoneList {

  static final String FORMAT = "type:count:cut:colour, separated by ';'";

  private StoneList() {}

  /**
   * @throws IllegalArgumentException naming the entry that does not parse
   */
  static List<Stone> parse(String text) {
    List<Stone> stones = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return stones;
    }
    for (String entry : text.split(";")) {
      if (!entry.isBlank()) {
        stones.add(stone(entry.strip()));
      }
    }
    return stones;
  }

  private static Stone stone(String entry) {
    String[] parts = entry.split(":", -1);
    if (parts.length > 4 || parts[0].isBlank()) {
      throw new IllegalArgumentException(
          "stone '"
              + entry
              + "' does not read as "
              + FORMAT
              + ", e.g. diamond:1:round brilliant:colourless");
    }
    return new Stone(
        parts[0].strip(), count(entry, part(parts, 1)), part(parts, 2), part(parts, 3));
  }

  private static int count(String entry, String text) {
    if (text.isEmpty()) {
      return 1;
    }
    try {
      int count = Integer.parseInt(text);
      if (count >= 1) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(
        "stone '" + entry + "': the count '" + text + "' is not a whole number of at least 1");
  }

  private static String part(String[] parts, int index) {
    return index < parts.length ? parts[index].strip() : "";
  }
}
