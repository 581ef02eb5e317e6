package dev.facet.providerreport;

import dev.facet.routing.FailedGeneration;
import dev.facet.routing.ImageEvidence;
import dev.facet.routing.ProviderReport;
import dev.facet.routing.ProviderStats;
import dev.facet.routing.ShootEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adds finished shoots' evidence up into the provider report: per generator name ({@code flux},
 * {@code flux:flux-pro-1.1}) and category, and per name over all categories. Every number comes
 * from what the shoots recorded; see {@link ProviderStats} for what each means.
 */
public final class ProviderReportCalculator {

  private ProviderReportCalculator() {}

  public static ProviderReport compute(List<ShootEvidence> shoots, Instant now) {
    Map<String, Map<String, Tally>> byCategory = new TreeMap<>();
    for (ShootEvidence shoot : shoots) {
      for (String category : List.of(shoot.category(), ProviderReport.ALL)) {
        Map<String, Tally> providers = byCategory.computeIfAbsent(category, c -> new TreeMap<>());
        shoot
            .images()
            .forEach(i -> providers.computeIfAbsent(i.provider(), p -> new Tally()).images.add(i));
        shoot
            .failures()
            .forEach(
                f -> providers.computeIfAbsent(f.provider(), p -> new Tally()).failures.add(f));
      }
    }
    List<ProviderStats> rows = new ArrayList<>();
    byCategory.forEach(
        (category, providers) -> {
          int votes = providers.values().stream().mapToInt(Tally::humanVotes).sum();
          providers.forEach((provider, tally) -> rows.add(tally.stats(provider, category, votes)));
        });
    rows.sort(
        Comparator.comparing((ProviderStats r) -> r.category().equals(ProviderReport.ALL))
            .thenComparing(ProviderStats::category)
            .thenComparing(ProviderStats::provider));
    return new ProviderReport(now.toString(), shoots.size(), rows);
  }

  /** One provider's evidence in one category. */
  private static final class Tally {
    final List<ImageEvidence> images = new ArrayList<>();
    final List<FailedGeneration> failures = new ArrayList<>();

    int humanVotes() {
      return (int)
          images.stream()
              .filter(i -> ImageEvidence.HUMAN.equals(i.selectedBy()) && i.contested())
              .count();
    }

    ProviderStats stats(String provider, String category, int categoryVotes) {
      List<ImageEvidence> judged = images.stream().filter(ImageEvidence::judged).toList();
      int accepted =
          (int)
              judged.stream()
                  .filter(i -> i.qaPassed() && !ImageEvidence.REJECTED.equals(i.verdict()))
                  .count();
      long faithful = judged.stream().filter(Tally::faithful).count();
      List<ImageEvidence> decided =
          images.stream().filter(i -> i.selectedBy() != null && i.verdict() != null).toList();
      long sentBack =
          decided.stream().filter(i -> ImageEvidence.REJECTED.equals(i.verdict())).count();
      double cost = images.stream().mapToDouble(ImageEvidence::costUsd).sum();
      long[] millis = images.stream().mapToLong(ImageEvidence::generationMillis).sorted().toArray();
      int votes = humanVotes();
      List<String> models =
          images.stream()
              .map(ImageEvidence::model)
              .filter(Objects::nonNull)
              .distinct()
              .sorted()
              .toList();
      return new ProviderStats(
          provider,
          models,
          category,
          images.size(),
          failures.size(),
          judged.size(),
          accepted,
          checkPassRates(judged),
          share(faithful, judged.size()),
          votes,
          categoryVotes == 0 ? null : (double) votes / categoryVotes,
          share(judged.size() - accepted, judged.size()),
          share(sentBack, decided.size()),
          percentile(millis, 50),
          percentile(millis, 95),
          cost,
          accepted == 0 ? null : cost / accepted);
    }

    /** Every fidelity check it was given passed. */
    private static boolean faithful(ImageEvidence image) {
      return image.checks().entrySet().stream()
          .filter(check -> ProviderStats.FIDELITY_CHECKS.contains(check.getKey()))
          .allMatch(Map.Entry::getValue);
    }

    private static Map<String, Double> checkPassRates(List<ImageEvidence> judged) {
      Map<String, int[]> counts = new HashMap<>(); // check -> {passed, seen}
      judged.forEach(
          i ->
              i.checks()
                  .forEach(
                      (check, passed) -> {
                        int[] c = counts.computeIfAbsent(check, k -> new int[2]);
                        c[0] += passed ? 1 : 0;
                        c[1]++;
                      }));
      Map<String, Double> rates = new TreeMap<>();
      counts.forEach((check, c) -> rates.put(check, (double) c[0] / c[1]));
      return rates;
    }

    private static double share(long part, long whole) {
      return whole == 0 ? 0 : (double) part / whole;
    }

    /** Nearest-rank percentile; 0 without values. */
    private static long percentile(long[] sorted, int p) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }
  }
}
