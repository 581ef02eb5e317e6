package dev.facet.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one generator achieved on one product category, measured over finished shoots.
 *
 * @param provider the generator name: a provider ({@code flux}, which runs the worker's default
 *     model) or a provider with a model ({@code flux:flux-pro-1.1}); the names routing chooses from
 * @param models the models that made its images: one, unless a bare name's default model was
 *     changed between shoots; empty for the studio renderer and for evidence recorded before models
 *     were
 * @param category e.g. {@code ring/stone-heavy}, or {@code all}
 * @param images candidates the provider made, every round and variant
 * @param failedGenerations variants the provider could not make (after retries)
 * @param judged images whose finished version went through the automated QA checks
 * @param accepted judged images that passed every blocking check and no reviewer rejected
 * @param checkPassRate share of judged images passing each QA check, by check name
 * @param fidelityPassRate share of judged images passing every fidelity check (metal and stone
 *     tone, silhouette, detail): the number the {@code auto} policy's floor applies to
 * @param humanVotes reviewer selections of this provider's image among several providers' images
 * @param selectionShare this provider's share of the category's reviewer votes; null without votes
 * @param rejectionRate share of judged images not accepted (failed QA or rejected by a reviewer)
 * @param regenerationRate share of selected images whose round was sent back for regeneration
 * @param p50Millis median generation time, queueing included
 * @param p95Millis 95th percentile generation time
 * @param costUsd what every image cost, rejected and unselected ones included
 * @param costPerAcceptedUsd {@code costUsd / accepted}; null when nothing was accepted
 */
public record ProviderStats(
    String provider,
    List<String> models,
    String category,
    int images,
    int failedGenerations,
    int judged,
    int accepted,
    Map<String, Double> checkPassRate,
    double fidelityPassRate,
    int humanVotes,
    Double selectionShare,
    double rejectionRate,
    double regenerationRate,
    long p50Millis,
    long p95Millis,
    double costUsd,
    Double costPerAcceptedUsd) {

  /**
   * The QA checks that measure faithfulness to the piece: the {@code auto} floor applies to them.
   */
  public static final Set<String> FIDELITY_CHECKS =
      Set.of("metal-tone", "stone-tone", "silhouette", "detail");

  public ProviderStats {
    models = models == null ? List.of() : List.copyOf(models);
    checkPassRate = checkPassRate == null ? Map.of() : Map.copyOf(checkPassRate);
  }

  /**
   * The mean pass rate of the fidelity checks measured: finer than {@link #fidelityPassRate} when
   * no provider passes them all (a provider that gets the metal right beats one that does not).
   */
  public double meanFidelityCheckPassRate() {
    return checkPassRate.entrySet().stream()
        .filter(check -> FIDELITY_CHECKS.contains(check.getKey()))
        .mapToDouble(Map.Entry::getValue)
        .average()
        .orElse(0);
  }
}
