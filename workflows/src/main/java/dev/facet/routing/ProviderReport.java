package dev.facet.routing;

import java.util.List;

/**
 * The provider bake-off report: one row per provider and category, plus each provider over {@link
 * #ALL} categories.
 *
 * @param generatedAt ISO-8601 instant it was computed
 * @param shoots finished shoots it was computed from
 */
public record ProviderReport(String generatedAt, int shoots, List<ProviderStats> rows) {

  /** The category of the rows that add up every category. */
  public static final String ALL = "all";

  public ProviderReport {
    rows = rows == null ? List.of() : List.copyOf(rows);
  }

  public static ProviderReport empty() {
    return new ProviderReport("", 0, List.of());
  }

  public List<ProviderStats> category(String category) {
    return rows.stream().filter(r -> r.category().equals(category)).toList();
  }
}
