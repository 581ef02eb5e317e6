package dev.facet.manifest;

import dev.facet.model.ProductSpec;
import dev.facet.routing.ProductCategory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rule for a bake-off over part of a catalog, one rule for {@code run --sample} and the API's
 * {@code sample}: at most N products taken in turn from each product category (in the order the
 * categories first appear, each in file order), so a small bake-off still measures every kind of
 * piece the catalog holds; shot as the catalog {@code <id>-sample}, so the catalog itself keeps its
 * id for the run that follows.
 */
public final class CatalogSample {

  private CatalogSample() {}

  /**
   * At most {@code size} of {@code products}, in their given (file) order.
   *
   * @param spec what each product is, for its {@link ProductCategory}
   */
  public static <T> List<T> choose(List<T> products, Function<T, ProductSpec> spec, int size) {
    Map<String, Deque<Integer>> byCategory = new LinkedHashMap<>();
    for (int i = 0; i < products.size(); i++) {
      byCategory
          .computeIfAbsent(ProductCategory.of(spec.apply(products.get(i))), c -> new ArrayDeque<>())
          .add(i);
    }
    List<Integer> chosen = new ArrayList<>();
    while (chosen.size() < size && byCategory.values().stream().anyMatch(q -> !q.isEmpty())) {
      for (Deque<Integer> category : byCategory.values()) {
        if (!category.isEmpty() && chosen.size() < size) {
          chosen.add(category.poll());
        }
      }
    }
    return chosen.stream().sorted().map(products::get).toList();
  }

  /** The sample's catalog id: {@code <id>-sample}. */
  public static String id(String catalogId) {
    return catalogId + "-sample";
  }

  /**
   * Why the sample of a catalog with a valid id cannot be shot under {@link #id}, if it cannot: the
   * suffix makes the id too long.
   */
  public static Optional<String> idProblem(String catalogId) {
    String sampleId = id(catalogId);
    return Identifier.CATALOG.isValid(sampleId)
        ? Optional.empty()
        : Optional.of(
            "The sample's catalog id would be '" + sampleId + "': " + Identifier.RULE + ".");
  }
}
