package dev.facet.app.run;

import dev.facet.app.catalog.CatalogPlan;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code run --dry-run}'s plan: what each provider would make, cost and take. */
final class PlanReport {

  private PlanReport() {}

  static void print(PrintStream out, CatalogPlan plan) {
    out.printf(
        "Plan for catalog '%s' (dry run: nothing was uploaded, started or paid)%n",
        plan.catalogId());
    if (plan.ownPolicies() == 0) {
      out.printf(
          "%d products × %d shots (%s) × %d variants = %d candidate images; approval %s%n",
          plan.products(),
          plan.shots().size(),
          String.join(", ", plan.shots()),
          plan.variants(),
          plan.images(),
          plan.approval());
      out.printf(
          "%d finished images: one per product, shot and channel (%s)%n%n",
          plan.finishedImages(), String.join(", ", plan.channels()));
    } else {
      out.printf(
          "%d products × %d shots (%s), %d of them with their own channels, providers or variants:"
              + " %d candidate images; approval %s%n",
          plan.products(),
          plan.shots().size(),
          String.join(", ", plan.shots()),
          plan.ownPolicies(),
          plan.images(),
          plan.approval());
      out.printf(
          "%d finished images: one per product, shot and channel (the catalog's: %s, %d variants)%n%n",
          plan.finishedImages(), String.join(", ", plan.channels()), plan.variants());
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"provider", "images", "per image", "estimated cost", "at once", "wall time"});
    for (CatalogPlan.ProviderPlan provider : plan.providers()) {
      rows.add(
          new String[] {
            provider.provider(),
            String.valueOf(provider.images()),
            usd(provider.usdPerImage(), 3),
            usd(provider.estimatedUsd(), 2),
            String.valueOf(provider.maxConcurrent()),
            RunReport.words(Duration.ofSeconds(provider.estimatedSeconds()))
          });
    }
    rows.add(
        new String[] {
          "total",
          String.valueOf(plan.images()),
          "",
          usd(plan.estimatedUsd(), 2),
          "",
          RunReport.words(Duration.ofSeconds(plan.estimatedSeconds()))
        });
    RunReport.printTable(out, rows);
    out.println();
    plan.notes().forEach(out::println);
  }

  private static String usd(Double usd, int decimals) {
    return usd == null ? "price unknown" : String.format(Locale.ROOT, "$%." + decimals + "f", usd);
  }
}
