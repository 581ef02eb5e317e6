package dev.facet.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays recorded catalog histories against the current code: {@code catalog-page-per-refill.json}
 * was recorded before {@link CatalogWorkflowImpl#READ_AHEAD} and replays its older branch, {@code
 * catalog.json} before {@link CatalogWorkflowImpl#STARTS_IN_BATCHES}; {@code
 * catalog-starts-in-batches.json} the current one, {@code catalog-budget-overrides.json} a budget
 * that holds products and is raised, and rows with their own policies. See {@link
 * RecordCatalogHistories}.
 */
class CatalogReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "catalog-page-per-refill.json",
        "catalog.json",
        "catalog-starts-in-batches.json",
        "catalog-budget-overrides.json"
      })
  void recordedHistoriesReplayOnTheCurrentCode(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + history, CatalogWorkflowImpl.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "catalog-page-per-refill.json",
        "catalog.json",
        "catalog-starts-in-batches.json",
        "catalog-budget-overrides.json"
      })
  void anUnversionedChangeIsCaught(String history) {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "histories/" + history, ExtraTimerCatalog.class))
        .hasMessageContaining(NonDeterministicException.class.getName());
  }

  /** The catalog with one more command before anything else, as a careless edit might add. */
  public static class ExtraTimerCatalog extends CatalogWorkflowImpl {

    @io.temporal.workflow.WorkflowInit
    public ExtraTimerCatalog(CatalogRequest request) {
      super(request);
    }

    @Override
    public CatalogResult run(CatalogRequest request) {
      Workflow.sleep(java.time.Duration.ofSeconds(1));
      return super.run(request);
    }
  }
}
