package dev.facet.app.run;

import dev.facet.app.policy.ShootChoices;
import dev.facet.shoot.ShootPolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Options of {@code run}.
 *
 * @param catalog the catalog file
 * @param out where finished images go, {@code <out>/<sku>/<shot>-<channel>.<ext>}
 * @param catalogId overrides the catalog's id when given
 * @param choices about every shoot: channels, providers, variants, shots, approval (overriding the
 *     catalog's when given), routing, bake-off
 * @param sample for a bake-off: how many of the catalog's products to shoot, spread over its
 *     product categories; 0 for all of them
 * @param dryRun check everything and print the plan, but upload, start and pay nothing
 * @param yes start without asking, whatever the plan is estimated to cost
 * @param budgetUsd what the catalog's paid generations may cost at most; empty for no cap
 */
public record RunOptions(
    Path catalog,
    Path out,
    Optional<String> catalogId,
    ShootChoices choices,
    int sample,
    boolean dryRun,
    boolean yes,
    Optional<Double> budgetUsd) {

  public static final Path DEFAULT_OUT = Path.of("facet-out");

  /** A run that chooses only the approval. */
  public RunOptions(
      Path catalog, Path out, Optional<ShootPolicy.Approval> approval, Optional<String> catalogId) {
    this(
        catalog,
        out,
        catalogId,
        approval.map(ShootChoices.none()::withApproval).orElseGet(ShootChoices::none),
        0,
        false,
        false,
        Optional.empty());
  }

  public Optional<ShootPolicy.Approval> approval() {
    return choices.approval();
  }

  public boolean bakeoff() {
    return choices.bakeoff();
  }
}
