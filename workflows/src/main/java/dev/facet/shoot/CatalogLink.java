package dev.facet.shoot;

import dev.facet.catalog.CatalogActivities;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.catalog.ProductOutcome;
import dev.facet.catalog.ShootUpdate;
import dev.facet.model.ImageRef;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * What a shoot owes the catalog it belongs to: news of its stage, and its outcome for the report.
 */
final class CatalogLink {

  private static final Logger log = Workflow.getLogger(CatalogLink.class);

  private final ShootRequest request;
  private final ShootRecord record;
  private final StepStubs steps;

  CatalogLink(ShootRequest request, ShootRecord record, StepStubs steps) {
    this.request = request;
    this.record = record;
    this.steps = steps;
  }

  private boolean inCatalog() {
    return !request.catalogId().isEmpty() && request.product() != null;
  }

  /** Keeps the outcome for the catalog report and tells the catalog the product is done. */
  void close(Stage outcome) {
    if (!inCatalog()) {
      return;
    }
    try {
      steps
          .stub(CatalogActivities.class, ShootActivityOptions.RECORD_OUTCOME, "record outcome")
          .recordOutcome(
              new ProductOutcome(
                  request.catalogId(),
                  request.product().sku(),
                  outcome,
                  record.round(),
                  record.cost(),
                  outcome == Stage.PUBLISHED ? record.outputs() : List.of(),
                  record.qaReports(),
                  record.failure(),
                  record.spend()));
    } catch (ActivityFailure e) {
      // The report will miss this product's details; its outcome still reaches the catalog.
      log.error(
          "Could not record the outcome for the catalog report: {}", ActivityFailures.describe(e));
    }
    tell(outcome);
  }

  /** Signals the catalog: waiting for a human or not, or finished. */
  void tell(Stage stage) {
    if (!inCatalog()) {
      return;
    }
    ImageRef hero = stage == Stage.PUBLISHED ? heroImage() : null;
    try {
      Workflow.newExternalWorkflowStub(
              CatalogWorkflow.class, CatalogWorkflow.workflowId(request.catalogId()))
          .shootUpdate(
              new ShootUpdate(
                  request.product().sku(),
                  stage,
                  record.cost(),
                  record.failure(),
                  hero,
                  record.spend()));
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      // The catalog has closed (finished, cancelled) or never existed: nobody is listening. The
      // product's own outcome stands either way.
      log.warn("Catalog {} did not take the update: {}", request.catalogId(), e.getMessage());
    }
  }

  /** The approved image of the style's first shot: the collection's style reference. */
  private ImageRef heroImage() {
    CandidateView hero = record.selected(request.style().shots().get(0).name());
    return hero == null ? null : hero.candidate().image();
  }
}
