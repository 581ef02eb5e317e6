package dev.facet.testing;

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
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@link ProductShootWorkflow} contract with the least behaviour: a manual shoot waits
 * for approval, then renders one image per channel and publishes; a SKU starting with "FAIL" fails.
 * Stands in until the real workflow lands.
 */
public class FakeShootWorkflow implements ProductShootWorkflow {

  public static final String VALIDATOR_MESSAGE = "The shoot waits for approval; send approve, not ";

  private final FakeRender render =
      Workflow.newActivityStub(
          FakeRender.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());

  private final List<ChannelImage> outputs = new ArrayList<>();
  private ShootRequest request;
  private Stage stage = Stage.CAPTURING;
  private boolean approved;

  @Override
  public ShootResult run(ShootRequest request) {
    this.request = request;
    String sku = request.product().sku();
    if (sku.startsWith("FAIL")) {
      stage = Stage.FAILED;
      throw ApplicationFailure.newNonRetryableFailure(
          "the studio renderer found no product in the photos", "InvalidInput");
    }
    if (request.policy().approval() == ShootPolicy.Approval.MANUAL) {
      stage = Stage.AWAITING_APPROVAL;
      Workflow.await(() -> approved);
    }
    stage = Stage.POST_PROCESSING;
    for (String channel : request.policy().channels()) {
      outputs.add(render.render(sku, "hero", channel));
    }
    stage = Stage.PUBLISHED;
    return new ShootResult(sku, Stage.PUBLISHED, 1, List.copyOf(outputs), null, 0.0, null);
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
