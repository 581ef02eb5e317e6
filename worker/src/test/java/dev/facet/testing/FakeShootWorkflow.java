package dev.facet.testing;

import dev.facet.catalog.CatalogActivities;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.catalog.ProductOutcome;
import dev.facet.catalog.ShootUpdate;
import dev.facet.model.ChannelImage;
import dev.facet.shoot.Decision;
import dev.facet.shoot.DecisionReceipt;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the {@link ProductShootWorkflow} contract with the least behaviour: a manual shoot waits
 * for approval, then renders one image per channel and publishes; a SKU starting with "FAIL" fails.
 * Like the real shoot, one that belongs to a catalog records its outcome and tells the catalog when
 * it starts or stops waiting for a reviewer and when it ends. Stands in until the real workflow
 * lands.
 */
public class FakeShootWorkflow implements ProductShootWorkflow {

  public static final String VALIDATOR_MESSAGE = "The shoot waits for approval; send approve, not ";
  public static final String FAILURE = "the studio renderer found no product in the photos";

  /** Executions per SKU, replays not counted: proves a product was shot once. */
  public static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();

  private final ActivityOptions options =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();
  private final FakeRender render = Workflow.newActivityStub(FakeRender.class, options);
  private final CatalogActivities catalog =
      Workflow.newActivityStub(CatalogActivities.class, options);

  private final List<ChannelImage> outputs = new ArrayList<>();
  private ShootRequest request;
  private Stage stage = Stage.CAPTURING;
  private boolean approved;

  @Override
  public ShootResult run(ShootRequest request) {
    this.request = request;
    String sku = request.product().sku();
    if (!Workflow.isReplaying()) {
      STARTS.computeIfAbsent(sku, k -> new AtomicInteger()).incrementAndGet();
    }
    if (sku.startsWith("FAIL")) {
      stage = Stage.FAILED;
      closeWithCatalog(FAILURE);
      throw ApplicationFailure.newNonRetryableFailure(FAILURE, "InvalidInput");
    }
    if (request.policy().approval() == ShootPolicy.Approval.MANUAL) {
      stage = Stage.AWAITING_APPROVAL;
      tellCatalog(null);
      Workflow.await(() -> approved);
    }
    stage = Stage.POST_PROCESSING;
    tellCatalog(null);
    for (String channel : request.policy().channels()) {
      outputs.add(render.render(sku, "hero", channel));
    }
    stage = Stage.PUBLISHED;
    closeWithCatalog(null);
    return new ShootResult(sku, Stage.PUBLISHED, 1, List.copyOf(outputs), null, 0.0, null);
  }

  private void closeWithCatalog(String failure) {
    if (!request.catalogId().isEmpty()) {
      catalog.recordOutcome(
          new ProductOutcome(
              request.catalogId(),
              request.product().sku(),
              stage,
              1,
              0.0,
              List.copyOf(outputs),
              List.of(),
              failure));
    }
    tellCatalog(failure);
  }

  private void tellCatalog(String failure) {
    if (request.catalogId().isEmpty()) {
      return;
    }
    try {
      Workflow.newExternalWorkflowStub(
              CatalogWorkflow.class, CatalogWorkflow.workflowId(request.catalogId()))
          .shootUpdate(new ShootUpdate(request.product().sku(), stage, 0.0, failure, null));
    } catch (SignalExternalWorkflowException e) {
      // The catalog has closed: nobody is listening any more.
    }
  }

  @Override
  public void decision(Decision decision) {
    if (stage == Stage.AWAITING_APPROVAL && decision.action() == Decision.Action.APPROVE) {
      approved = true;
    }
  }

  @Override
  public DecisionReceipt decide(Decision decision) {
    approved = true;
    return new DecisionReceipt(Decision.Action.APPROVE, 1, "approved by " + decision.reviewer());
  }

  @Override
  public void validateDecide(Decision decision) {
    if (stage != Stage.AWAITING_APPROVAL) {
      throw new IllegalStateException("Nothing awaits a decision: the shoot is " + stage.words());
    }
    if (decision.action() != Decision.Action.APPROVE) {
      throw new IllegalArgumentException(VALIDATOR_MESSAGE + decision.action());
    }
  }

  @Override
  public ShootState state() {
    ShootPolicy policy = request == null ? ShootPolicy.defaults() : request.policy();
    return new ShootState(
        request == null ? "" : request.product().sku(),
        request == null ? "" : request.catalogId(),
        stage,
        stage.words(),
        stage.awaitingHuman(),
        1,
        policy.maxRounds(),
        policy,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.copyOf(outputs),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        0.0,
        null,
        null);
  }
}
