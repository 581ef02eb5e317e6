package dev.facet.app.run;

import dev.facet.app.catalog.CatalogPlan;
import java.util.Locale;

/**
 * Asks before {@code run} starts paying more than {@code facet.run.confirm-above-usd}: on a
 * terminal the user answers, elsewhere (CI, a pipe) only {@code --yes} lets it start. A run whose
 * {@code --budget} is within that amount cannot pay more, and starts without asking.
 */
final class CostConfirmation {

  private CostConfirmation() {}

  /**
   * @return whether the run may start: its plan is estimated at most {@code limitUsd}, or its
   *     budget caps it there, or {@code yes} was given, or the user says yes
   */
  static boolean mayStart(CatalogPlan plan, double limitUsd, boolean yes, Terminal terminal) {
    Double usd = plan.estimatedUsd();
    Double budget = plan.budgetUsd();
    if (yes || (usd != null && usd <= limitUsd) || (budget != null && budget <= limitUsd)) {
      return true;
    }
    String cost =
        usd == null
            ? "an amount Facet cannot estimate (a provider's price is in no table)"
            : String.format(
                Locale.ROOT,
                "about $%.2f (up to $%.2f if every round is sent back)",
                usd,
                plan.mostUsd() != null ? plan.mostUsd() : usd * plan.maxRounds());
    terminal
        .out()
        .printf(
            Locale.ROOT,
            "This run would pay %s: above the $%.2f that needs a yes (facet.run.confirm-above-usd)."
                + " --dry-run shows the plan; --budget USD caps what it may pay.%n",
            cost,
            limitUsd);
    if (!terminal.interactive()) {
      terminal.out().println("Nothing was started: give --yes to start it without asking.");
      return false;
    }
    if (terminal.confirm("Start it?")) {
      return true;
    }
    terminal.out().println("Nothing was started.");
    return false;
  }
}
