package dev.facet.shoot;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Custom search attributes, so "everything awaiting review" or "everything stuck in generate" is
 * one filter in the Web UI. The worker registers them on start-up.
 */
public final class ShootSearchAttributes {

  public static final SearchAttributeKey<String> SKU = SearchAttributeKey.forKeyword("FacetSku");
  public static final SearchAttributeKey<String> CATALOG =
      SearchAttributeKey.forKeyword("FacetCatalog");
  public static final SearchAttributeKey<String> STAGE =
      SearchAttributeKey.forKeyword("FacetStage");
  public static final SearchAttributeKey<Boolean> AWAITING_HUMAN =
      SearchAttributeKey.forBoolean("FacetAwaitingHuman");
  public static final SearchAttributeKey<String> PROVIDER =
      SearchAttributeKey.forKeyword("FacetProvider");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(SKU, CATALOG, STAGE, AWAITING_HUMAN, PROVIDER);

  private ShootSearchAttributes() {}
}
