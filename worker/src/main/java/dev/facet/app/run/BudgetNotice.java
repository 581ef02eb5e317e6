package dev.facet.app.run;

import dev.facet.catalog.BudgetProgress;
import java.util.Locale;

/**
 * Tells the operator, once each time, that a catalog holds paid products at its budget, and how to
 * raise it or cancel the catalog.
 *
 * @param api base URL of this process's HTTP API
 * @param apiKey the API key as a shell expression, e.g. {@code $(cat data/admin.key)}
 */
record BudgetNotice(String api, String apiKey) {

  String explain(String catalogId, BudgetProgress budget) {
    String raised = String.format(Locale.ROOT, "%.2f", suggestion(budget));
    String auth = " -H \"Authorization: Bearer " + apiKey + "\"";
    return String.format(
            Locale.ROOT,
            "Budget reached: catalog '%s' has $%.2f of its $%.2f spent or reserved and holds %d"
                + " paid %s (the next needs $%.2f); free studio products go on.\n",
            catalogId,
            budget.spentUsd() + budget.reservedUsd(),
            budget.capUsd(),
            budget.held(),
            budget.held() == 1 ? "product" : "products",
            budget.nextUsd())
        + "  Raise it with one of:\n"
        + "    ./facet budget "
        + catalogId
        + " "
        + raised
        + "\n"
        + "    curl -X POST "
        + api
        + "/api/catalogs/"
        + catalogId
        + "/budget"
        + auth
        + " -H 'Content-Type: application/json' -d '{\"budgetUsd\": "
        + raised
        + "}'\n"
        + "  or stop here: curl -X POST "
        + api
        + "/api/catalogs/"
        + catalogId
        + "/cancel"
        + auth;
  }

  /** Enough for the next held product to start, rounded up to a whole dollar. */
  private static double suggestion(BudgetProgress budget) {
    double needed = budget.spentUsd() + budget.reservedUsd() + budget.nextUsd();
    return Math.max(Math.ceil(needed), Math.floor(budget.capUsd()) + 1);
  }
}
