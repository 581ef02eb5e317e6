package dev.facet.app.shoot;

import dev.facet.app.policy.ShootPolicies;
import dev.facet.manifest.Identifier;
import dev.facet.model.ReferencePhoto;
import dev.facet.shoot.Decision;
import dev.facet.shoot.DecisionReceipt;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootRequests;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import dev.facet.steps.TaskQueues;
import dev.facet.storage.ObjectStore;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Starts product shoots, reads their state and sends decisions: the one place the API and the CLI
 * talk to {@link ProductShootWorkflow}. Failures come out as this package's exceptions, in words a
 * person can act on.
 */
@Component
public class ShootClient {

  private final WorkflowClient client;
  private final ObjectStore store;
  private final ShootPolicies policies;

  public ShootClient(WorkflowClient client, ObjectStore store, ShootPolicies policies) {
    this.client = client;
    this.store = store;
    this.policies = policies;
  }

  /**
   * Starts {@code shoot-<sku>}. A SKU has at most one running shoot; once it has finished, a new
   * one may start.
   *
   * @throws InvalidShootRequestException without a product, with a bad SKU or without photos, or
   *     breaking any other of {@link ShootRequests}' rules, or asking for an unserved provider
   * @throws UnknownPhotosException when a photo is not in the object store
   * @throws ShootAlreadyRunningException naming the running workflow
   */
  public ShootStarted start(ShootRequest request) {
    if (request.product() == null) {
      throw new InvalidShootRequestException(
          "The request needs a product, at least {\"product\":{\"sku\":\"…\",\"name\":\"…\","
              + "\"type\":\"…\",\"metal\":\"…\"}}.");
    }
    String sku = requireValidSku(request.product().sku());
    if (request.photos().isEmpty()) {
      throw new InvalidShootRequestException(
          "The request needs at least one reference photo in \"photos\": [{\"key\":\"…\"}].");
    }
    ShootPolicies.Checked policy = policies.check(request.policy());
    request =
        new ShootRequest(
            request.product(),
            request.photos(),
            request.style(),
            policy.policy(),
            request.catalogId(),
            request.styleReference());
    // Both lists hold the policy's own rules: each problem is said once.
    Set<String> problems = new LinkedHashSet<>(ShootRequests.problems(request));
    problems.addAll(policy.problems());
    if (!problems.isEmpty()) {
      throw new InvalidShootRequestException(
          "The shoot cannot start: " + String.join("; ", problems) + ".");
    }
    List<String> missing =
        request.photos().stream()
            .map(ReferencePhoto::key)
            .filter(key -> key == null || key.isBlank() || store.find(key).isEmpty())
            .map(String::valueOf)
            .toList();
    if (!missing.isEmpty()) {
      throw new UnknownPhotosException(missing);
    }
    ProductShootWorkflow workflow =
        client.newWorkflowStub(ProductShootWorkflow.class, startOptions(sku, request.catalogId()));
    try {
      WorkflowExecution execution = WorkflowClient.start(workflow::run, request);
      return new ShootStarted(sku, execution.getWorkflowId(), execution.getRunId());
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new ShootAlreadyRunningException(
          sku, e.getExecution().getWorkflowId(), e.getExecution().getRunId());
    }
  }

  private static WorkflowOptions startOptions(String sku, String catalogId) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(ShootSearchAttributes.SKU, sku)
            .set(ShootSearchAttributes.STAGE, Stage.CAPTURING.name());
    if (!catalogId.isBlank()) {
      attributes.set(ShootSearchAttributes.CATALOG, catalogId);
    }
    return WorkflowOptions.newBuilder()
        .setWorkflowId(ProductShootWorkflow.workflowId(sku))
        .setTaskQueue(TaskQueues.SHOOT)
        // One running shoot per SKU; a new one may follow when the previous one has closed.
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setTypedSearchAttributes(attributes.build())
        // The Web UI's list shows it: which product, and from which catalog.
        .setStaticSummary(
            catalogId.isBlank() ? "shoot " + sku : "catalog " + catalogId + ": " + sku)
        .build();
  }

  /**
   * The latest shoot's state.
   *
   * @throws ShootNotFoundException when no shoot was started for the SKU
   * @throws ShootUnavailableException when the shoot does not answer
   */
  public ShootState state(String sku) {
    requireValidSku(sku);
    try {
      return workflow(sku).state();
    } catch (WorkflowNotFoundException e) {
      throw new ShootNotFoundException(sku);
    } catch (WorkflowQueryException | WorkflowServiceException e) {
      throw new ShootUnavailableException(sku, e);
    }
  }

  /**
   * Sends a decision to the latest shoot as the {@code decide} update, and waits for its receipt.
   *
   * @throws DecisionRejectedException with the shoot's reason when it refuses the decision
   * @throws ShootFinishedException when the shoot is no longer running
   * @throws ShootNotFoundException when no shoot was started for the SKU
   */
  public DecisionReceipt decide(String sku, Decision decision) {
    requireValidSku(sku);
    if (decision == null || decision.action() == null) {
      throw new InvalidShootRequestException(
          "A decision needs an \"action\": \"select\", \"approve\" or \"reject\".");
    }
    try {
      return workflow(sku).decide(decision);
    } catch (WorkflowUpdateException e) {
      throw new DecisionRejectedException(Failures.rootMessage(e));
    } catch (WorkflowNotFoundException e) {
      throw finishedOrUnknown(sku);
    } catch (WorkflowServiceException e) {
      throw new ShootUnavailableException(sku, e);
    }
  }

  /**
   * The latest shoot for the SKU.
   *
   * @throws ShootNotFoundException when no shoot was started for the SKU
   */
  public ShootStarted latest(String sku) {
    requireValidSku(sku);
    try {
      WorkflowExecution execution = describe(sku).getExecution();
      return new ShootStarted(sku, execution.getWorkflowId(), execution.getRunId());
    } catch (WorkflowNotFoundException e) {
      throw new ShootNotFoundException(sku);
    } catch (WorkflowServiceException e) {
      throw new ShootUnavailableException(sku, e);
    }
  }

  private static String requireValidSku(String sku) {
    if (!Identifier.SKU.isValid(sku)) {
      throw new InvalidShootRequestException(Identifier.SKU.describeInvalid(sku));
    }
    return sku;
  }

  private ProductShootWorkflow workflow(String sku) {
    return client.newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(sku));
  }

  /** The latest run under the SKU's workflow id, whatever its state. */
  private WorkflowExecutionDescription describe(String sku) {
    return client.newUntypedWorkflowStub(ProductShootWorkflow.workflowId(sku)).describe();
  }

  private RuntimeException finishedOrUnknown(String sku) {
    try {
      WorkflowExecutionStatus status = describe(sku).getStatus();
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return new ShootFinishedException(sku, words(status));
      }
    } catch (WorkflowNotFoundException e) {
      // Never started: fall through.
    }
    return new ShootNotFoundException(sku);
  }

  private static String words(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
  }
}
