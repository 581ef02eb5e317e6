package dev.facet.catalog;

/**
 * The argument of a catalog's {@code raiseBudget} update: {@code {"budgetUsd": 50}}.
 *
 * @param budgetUsd the new cap on what the catalog's paid generations may cost, in US dollars;
 *     above the one it replaces
 */
public record BudgetRaise(Double budgetUsd) {

  /** What any catalog budget is, in words, for a refusal. */
  public static final String RULE = "a budget is a number of US dollars of at least 0";

  /** The one rule for a budget's amount: a finite number of US dollars, at least 0. */
  public static boolean isValid(Double usd) {
    return usd != null && Double.isFinite(usd) && usd >= 0;
  }
}
