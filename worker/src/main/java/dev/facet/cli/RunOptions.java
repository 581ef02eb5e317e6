package dev.facet.cli;

import dev.facet.shoot.ShootPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Options of {@code run}.
 *
 * @param catalog the catalog file
 * @param out where finished images go, {@code <out>/<sku>/<shot>-<channel>.<ext>}
 * @param approval overrides the catalog's policy when given
 * @param catalogId overrides the catalog's id when given
 * @param bakeoff providers every product's shots are made by, for the provider report; empty when
 *     the run is no bake-off
 * @param sample for a bake-off: how many of the catalog's products to shoot, spread over its
 *     product categories; 0 for all of them
 */
public record RunOptions(
    Path catalog,
    Path out,
    Optional<ShootPolicy.Approval> approval,
    Optional<String> catalogId,
    List<String> bakeoff,
    int sample) {

  public RunOptions(Path catalog, Path out, Optional<ShootPolicy.Approval> approval, Optional<String> catalogId) {
    this(catalog, out, approval, catalogId, List.of(), 0);
  }

  public RunOptions {
    bakeoff = bakeoff == null ? List.of() : List.copyOf(bakeoff);
  }

  public static final Path DEFAULT_OUT = Path.of("facet-out");
}
