package dev.facet.cli;

import dev.facet.shoot.ShootPolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of {@code run}.
 *
 * @param catalog the catalog file
 * @param out where finished images go, {@code <out>/<sku>/<shot>-<channel>.<ext>}
 * @param approval overrides the catalog's policy when given
 * @param catalogId overrides the catalog's id when given
 */
public record RunOptions(
    Path catalog,
    Path out,
    Optional<ShootPolicy.Approval> approval,
    Optional<String> catalogId) {

  public static final Path DEFAULT_OUT = Path.of("facet-out");
}
