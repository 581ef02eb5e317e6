package dev.facet.app.review;

import dev.facet.app.catalog.CatalogClient;
import dev.facet.catalog.CatalogProgress;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.shoot.Stage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What waits for a reviewer, from Temporal's visibility store: the same {@code FacetAwaitingHuman}
 * filter the Web UI uses, so the page and the UI never disagree.
 */
@Component
public class ReviewQueue {

  /** More than a reviewer works through in a sitting; the page says when there are more. */
  static final int LIMIT = 500;

  private static final String CATALOG_PREFIX = "catalog-";

  private final WorkflowClient client;
  private final CatalogClient catalogs;

  ReviewQueue(WorkflowClient client, CatalogClient catalogs) {
    this.client = client;
    this.catalogs = catalogs;
  }

  /**
   * @param sku the shoot's product
   * @param catalogId its catalog, or empty for a shoot started on its own
   * @param since when the shoot started
   */
  public record Item(String sku, String catalogId, Stage stage, String stageWords, Instant since) {}

  /**
   * @param truncated whether more wait than {@link #LIMIT}
   */
  public record Queue(List<Item> items, boolean truncated, List<CatalogProgress> catalogs) {}

  /**
   * Everything awaiting a human, newest first; only one catalog's when {@code catalogId} is set.
   */
  public Queue awaiting(Optional<String> catalogId) {
    try {
      return list(catalogId);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw new QueueUnavailableException(e);
      }
      throw e;
    }
  }

  private Queue list(Optional<String> catalogId) {
    String query =
        "FacetAwaitingHuman = true AND ExecutionStatus = 'Running'"
            + catalogId.map(id -> " AND FacetCatalog = '" + quoted(id) + "'").orElse("");
    List<Item> items =
        client
            .listExecutions(query)
            .limit(LIMIT + 1)
            .map(ReviewQueue::item)
            .sorted(Comparator.comparing(Item::since).reversed())
            .toList();
    boolean truncated = items.size() > LIMIT;
    return new Queue(truncated ? items.subList(0, LIMIT) : items, truncated, running(catalogId));
  }

  /** The progress of every running catalog (or the one asked for), for the page's bars. */
  private List<CatalogProgress> running(Optional<String> catalogId) {
    String query =
        "WorkflowType = 'Catalog' AND ExecutionStatus = 'Running'"
            + catalogId
                .map(id -> " AND WorkflowId = '" + CATALOG_PREFIX + quoted(id) + "'")
                .orElse("");
    return client
        .listExecutions(query)
        .limit(50)
        .map(
            execution ->
                execution.getExecution().getWorkflowId().substring(CATALOG_PREFIX.length()))
        .map(catalogs::progress)
        .toList();
  }

  private static Item item(WorkflowExecutionMetadata execution) {
    SearchAttributes attributes = execution.getTypedSearchAttributes();
    Stage stage = Stage.valueOf(orEmpty(attributes.get(ShootSearchAttributes.STAGE)));
    return new Item(
        orEmpty(attributes.get(ShootSearchAttributes.SKU)),
        orEmpty(attributes.get(ShootSearchAttributes.CATALOG)),
        stage,
        stage.words(),
        execution.getStartTime());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Visibility queries quote with single quotes; an id with one in it cannot break out. */
  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
