package dev.facet.calibration;

import dev.facet.imaging.QaCheckName;
import dev.facet.model.QaCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision, recall and false-reject rate of every QA check over a calibration run.
 *
 * <ul>
 *   <li>recall: of the altered images made to trip this check, the share it failed;
 *   <li>precision: of all images this check failed, the share that were altered (any alteration; a
 *       check catching a defect made for another check is still catching a defect);
 *   <li>false rejects: of the faithful images, the share this check failed.
 * </ul>
 */
final class CalibrationReport {

  /** One inspected image and its checks. */
  record Result(
      String product, String base, String alteration, Set<String> targets, List<QaCheck> checks) {
    boolean faithful() {
      return targets.isEmpty();
    }

    Optional<QaCheck> check(String name) {
      return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    boolean failed(String name) {
      return check(name).map(c -> !c.passed()).orElse(false);
    }

    boolean rejected() {
      return checks.stream().anyMatch(c -> !c.passed() && c.blocking());
    }
  }

  private final List<Result> results;

  CalibrationReport(List<Result> results) {
    this.results =
        results.stream()
            .sorted(
                Comparator.comparing(Result::product)
                    .thenComparing(Result::base)
                    .thenComparing(Result::alteration))
            .toList();
  }

  List<Result> faithful() {
    return results.stream().filter(Result::faithful).toList();
  }

  List<Result> altered() {
    return results.stream().filter(r -> !r.faithful()).toList();
  }

  /** Finishes of faithful pictures whose cut-out is not clean. */
  List<Result> flawedCutOuts() {
    return results.stream()
        .filter(r -> r.targets().contains(CalibrationSet.FLAWED_CUT_OUT))
        .toList();
  }

  /** Share of altered images some blocking check rejected. */
  double detectionRate() {
    return share(altered(), Result::rejected);
  }

  /** Share of the images with this alteration some blocking check rejected. */
  double detectionRate(String alteration) {
    List<Result> rs = results.stream().filter(r -> r.alteration().equals(alteration)).toList();
    if (rs.isEmpty()) throw new IllegalArgumentException("no images altered by " + alteration);
    return share(rs, Result::rejected);
  }

  /** Share of the images with any of these alterations some blocking check rejected. */
  double detectionRate(Set<String> alterations) {
    List<Result> rs = results.stream().filter(r -> alterations.contains(r.alteration())).toList();
    if (rs.isEmpty()) throw new IllegalArgumentException("no images altered by " + alterations);
    return share(rs, Result::rejected);
  }

  /** Share of the images made to trip this check that it failed. */
  double recall(String check) {
    List<Result> rs = results.stream().filter(r -> r.targets().contains(check)).toList();
    if (rs.isEmpty()) throw new IllegalArgumentException("no images made to trip " + check);
    return share(rs, r -> r.failed(check));
  }

  /** Share of faithful images some blocking check rejected. */
  double falseRejectRate() {
    return share(faithful(), Result::rejected);
  }

  private static double share(List<Result> rs, java.util.function.Predicate<Result> p) {
    return rs.isEmpty() ? 0 : (double) rs.stream().filter(p).count() / rs.size();
  }

  String markdown(String setup, String command) {
    StringBuilder md = new StringBuilder();
    long faithful = results.stream().filter(Result::faithful).count();
    long altered = results.size() - faithful;
    md.append("# QA calibration\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d faithful and %d altered finished images (%s) of the six fixture pieces, each judged"
                + " against the piece's three capture photos. Reproduce with:%n%n    %s%n%n",
            faithful,
            altered,
            setup,
            command));
    md.append("## Per check\n\n");
    md.append(
        "| check | threshold | recall | precision | false rejects | faithful worst | altered (targeted) values |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (QaCheckName name : QaCheckName.values()) {
      String id = name.id();
      List<Result> measured = results.stream().filter(r -> r.check(id).isPresent()).toList();
      if (measured.isEmpty()) continue;
      QaCheck any = measured.get(0).check(id).orElseThrow();
      List<Result> targeted = measured.stream().filter(r -> r.targets().contains(id)).toList();
      long caught = targeted.stream().filter(r -> r.failed(id)).count();
      long falseRejects = measured.stream().filter(r -> r.faithful() && r.failed(id)).count();
      long faithfulMeasured = measured.stream().filter(Result::faithful).count();
      long alteredFails = measured.stream().filter(r -> !r.faithful() && r.failed(id)).count();
      String recall = targeted.isEmpty() ? "–" : fraction(caught, targeted.size());
      String precision =
          alteredFails + falseRejects == 0
              ? "–"
              : fraction(alteredFails, alteredFails + falseRejects);
      boolean atMost = any.comparator().equals("<=");
      double worst =
          measured.stream()
              .filter(Result::faithful)
              .mapToDouble(r -> r.check(id).orElseThrow().value())
              .reduce(
                  atMost ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY,
                  atMost ? Math::max : Math::min);
      String targetedValues =
          targeted.stream()
              .mapToDouble(r -> r.check(id).orElseThrow().value())
              .sorted()
              .mapToObj(CalibrationReport::number)
              .reduce((a, b) -> a + " " + b)
              .orElse("–");
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s %s | %s | %s | %s | %s | %s |%n",
              id,
              any.comparator(),
              number(any.threshold()),
              recall,
              precision,
              fraction(falseRejects, faithfulMeasured),
              faithfulMeasured == 0 ? "–" : number(worst),
              targetedValues));
    }
    long rejectedFaithful = results.stream().filter(r -> r.faithful() && r.rejected()).count();
    long detected = results.stream().filter(r -> !r.faithful() && r.rejected()).count();
    md.append(
        String.format(
            Locale.ROOT,
            "| **any blocking check** | | %s | %s | %s | | |%n",
            fraction(detected, altered),
            fraction(detected, detected + rejectedFaithful),
            fraction(rejectedFaithful, faithful)));
    List<Result> detail =
        results.stream()
            .filter(r -> CalibrationSet.DETAIL_DEFECTS.contains(r.alteration()))
            .toList();
    md.append(
        String.format(
            Locale.ROOT,
            "| **any blocking check, stone and prong defects** | | %s | | | | |%n%n",
            fraction(detail.stream().filter(Result::rejected).count(), detail.size())));

    md.append(
        "## Per alteration\n\n| alteration | images | detected | checks that failed (count) |\n|---|---|---|---|\n");
    Map<String, List<Result>> byAlteration = new TreeMap<>();
    results.forEach(
        r -> byAlteration.computeIfAbsent(r.alteration(), k -> new ArrayList<>()).add(r));
    byAlteration.forEach(
        (alteration, rs) -> {
          Map<String, Integer> fired = new LinkedHashMap<>();
          for (QaCheckName name : QaCheckName.values()) {
            int n = (int) rs.stream().filter(r -> r.failed(name.id())).count();
            if (n > 0) fired.put(name.id(), n);
          }
          long hit = rs.stream().filter(Result::rejected).count();
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %d | %s | %s |%n",
                  alteration,
                  rs.size(),
                  alteration.startsWith("faithful") ? hit + " rejected" : fraction(hit, rs.size()),
                  fired.isEmpty() ? "none" : fired));
        });

    md.append("\n## Misses and false rejects\n\n");
    for (Result r : results) {
      boolean missed = !r.faithful() && !r.rejected();
      boolean falseReject = r.faithful() && r.rejected();
      if (!missed && !falseReject) continue;
      md.append(
          String.format(
              Locale.ROOT,
              "- %s %s %s: %s%n",
              r.product(),
              r.base(),
              r.alteration(),
              falseReject ? "rejected by " + failedNames(r) : "missed (" + targetValues(r) + ")"));
    }
    return md.toString();
  }

  /** Every value of every image, for choosing thresholds. */
  String csv() {
    StringBuilder out = new StringBuilder("piece,base,alteration,targets");
    List<String> names =
        java.util.Arrays.stream(QaCheckName.values()).map(QaCheckName::id).toList();
    names.forEach(n -> out.append(',').append(n));
    out.append('\n');
    for (Result r : results) {
      // Alterations such as "faithful, 8 % brighter" hold a comma: quoted.
      out.append(r.product())
          .append(',')
          .append(r.base())
          .append(",\"")
          .append(r.alteration())
          .append("\",")
          .append(String.join(" ", r.targets()));
      for (String n : names)
        out.append(',').append(r.check(n).map(c -> number(c.value())).orElse(""));
      out.append('\n');
    }
    return out.toString();
  }

  private static String failedNames(Result r) {
    return String.join(
        ", ",
        r.checks().stream()
            .filter(c -> !c.passed() && c.blocking())
            .map(c -> c.name() + " " + number(c.value()))
            .toList());
  }

  private static String targetValues(Result r) {
    return String.join(
        ", ",
        r.targets().stream()
            .sorted()
            .map(t -> t + " " + r.check(t).map(c -> number(c.value())).orElse("n/a"))
            .toList());
  }

  private static String fraction(long part, long whole) {
    return whole == 0
        ? "–"
        : String.format(Locale.ROOT, "%.2f (%d/%d)", (double) part / whole, part, whole);
  }

  /** Three significant digits at most; small bars (0.005, 0.012) keep theirs. */
  private static String number(double v) {
    double a = Math.abs(v);
    return String.format(
        Locale.ROOT,
        a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 0.1 || a == 0 ? "%.2f" : "%.3f",
        v);
  }
}
