package dev.facet.manifest;

import dev.facet.model.Stone;
import java.util.List;

/**
 * A product as a manifest states it, before {@link ManifestReader}'s rules apply; or, with a {@code
 * problem}, a product that could not even be read (wrong number of CSV values, a JSON value of the
 * wrong type). Such a row keeps its place, so every product of a manifest has an index.
 *
 * @param channels, providers, variants the row's own policy, as written: {@link RowOverrides}
 */
record ManifestRow(
    int line,
    String sku,
    String name,
    String type,
    String metal,
    List<Stone> stones,
    String setting,
    String engraving,
    List<PhotoReference> photos,
    String policy,
    List<String> channels,
    List<String> providers,
    String variants,
    String problem) {

  static ManifestRow unreadable(int line, String problem) {
    return new ManifestRow(
        line, null, null, null, null, List.of(), "", "", List.of(), "", List.of(), List.of(), "",
        problem);
  }
}
