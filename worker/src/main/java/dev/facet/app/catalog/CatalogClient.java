package dev.facet.app.catalog;

import dev.facet.app.policy.ShootChoices;
import dev.facet.app.policy.ShootPolicies;
import dev.facet.app.providers.ImagePrices;
import dev.facet.app.shoot.Failures;
import dev.facet.catalog.BudgetRaise;
import dev.facet.catalog.CatalogProgress;
import dev.facet.catalog.CatalogReport;
import dev.facet.catalog.CatalogRequest;
import dev.facet.catalog.CatalogResult;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.catalog.ShootOverrides;
import dev.facet.catalogstore.CatalogKeys;
import dev.facet.manifest.Identifier;
import dev.facet.manifest.ManifestException;
import dev.facet.manifest.ManifestFormat;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.Providers;
import dev.facet.steps.TaskQueues;
import dev.facet.storage.ObjectStore;
import io.temporal.api.common.v1.WorkflowExecution;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Starts catalogs, reads their progress, pauses, resumes and cancels them: the one place the API
 * and the CLI talk to {@link CatalogWorkflow}. A catalog id names one catalog: starting it again
 * while it runs answers the running one; once it has completed, the id starts nothing new.
 */
@Component
public class CatalogClient {

  private final WorkflowClient client;
  private final ObjectStore store;
  private final CatalogProperties defaults;
  private final ShootPolicies policies;
  private final ImagePrices prices;

  public CatalogClient(
      WorkflowClient client,
      ObjectStore store,
      CatalogProperties defaults,
      ShootPolicies policies,
      ImagePrices prices) {
    this.client = client;
    this.store = store;
    this.defaults = defaults;
    this.policies = policies;
    this.prices = prices;
  }

  /**
   * Stores the manifest at {@code catalogs/<id>/manifest.<ext>} and starts {@code catalog-<id>}; or
   * answers the run already going under the id, leaving its manifest alone.
   *
   * @throws InvalidCatalogRequestException for a bad id or window
   * @throws CatalogFinishedException when a catalog under the id has completed
   */
  public CatalogStarted start(CatalogStart start) {
    String id = requireValidId(start.catalogId());
    CatalogRequest request = request(id, start);
    Optional<CatalogStatus> latest = status(id);
    if (latest.isPresent() && latest.get().running()) {
      return existing(id, latest.get());
    }
    if (latest.isPresent() && latest.get().completed()) {
      throw finished(id, latest.get());
    }
    // A failed or terminated run may be redone: its manifest is replaced, whatever its format.
    for (ManifestFormat format : ManifestFormat.values()) {
      if (format != start.format()) {
        store.delete(CatalogKeys.manifest(id, format));
      }
    }
    store.put(request.manifestKey(), start.manifest(), start.format().mediaType());
    CatalogWorkflow workflow = client.newWorkflowStub(CatalogWorkflow.class, startOptions(id));
    try {
      WorkflowExecution execution = WorkflowClient.start(workflow::run, request);
      return new CatalogStarted(id, execution.getWorkflowId(), execution.getRunId(), true);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Another start of the same id got there first.
      CatalogStatus now = status(id).orElseThrow(() -> e);
      if (now.running()) {
        return existing(id, now);
      }
      throw finished(id, now);
    }
  }

  private CatalogRequest request(String id, CatalogStart start) {
    if (start.format() == null || start.manifest() == null) {
      throw new InvalidCatalogRequestException("A catalog needs a manifest, as CSV or JSON.");
    }
    ShootPolicy policy = check(start.choices());
    try {
      return new CatalogRequest(
          id,
          CatalogKeys.manifest(id, start.format()),
          start.style(),
          policy,
          start.window() != null ? start.window() : defaults.window(),
          defaults.startsPerRun(),
          null,
          null,
          start.budgetUsd(),
          start.budgetUsd() == null ? null : budgetPrices(policy, ManifestIntake.products(start)));
    } catch (IllegalArgumentException e) {
      throw new InvalidCatalogRequestException("The catalog cannot start: " + e.getMessage() + ".");
    }
  }

  /**
   * The policy every shoot of a catalog with these choices gets, channel aliases resolved; called
   * by every start, and by {@code run} before it uploads anything.
   *
   * @throws InvalidCatalogRequestException naming every problem: unknown channels or shots,
   *     malformed or unserved providers, values out of range
   */
  public ShootPolicy check(ShootChoices choices) {
    ShootPolicies.Checked checked;
    try {
      checked = policies.check(choices.policy());
    } catch (IllegalArgumentException e) {
      throw new InvalidCatalogRequestException("The catalog cannot start: " + e.getMessage() + ".");
    }
    List<String> problems = new ArrayList<>(checked.problems());
    problems.addAll(choices.shotProblems());
    if (!problems.isEmpty()) {
      throw new InvalidCatalogRequestException(
          "The catalog cannot start: " + String.join("; ", problems) + ".");
    }
    return checked.policy();
  }

  /**
   * Checks what each row of a catalog changes about its settled {@code policy} ({@link #check}):
   * {@code run} and the API call it before anything is uploaded or started.
   *
   * @param manifestName the file's name, for the message
   * @throws ManifestException ({@link ManifestException.Kind#INVALID_PRODUCTS}) naming every row's
   *     problem with its line and SKU, and for an unknown name the names there are
   */
  public void checkRows(String manifestName, List<ShootPolicies.Row> rows, ShootPolicy policy) {
    ManifestException.throwIfAny(manifestName, policies.rowProblems(rows, policy), false);
  }

  /**
   * The list price of one image of every paid generator the catalog's settled {@code policy} and
   * its {@code rows} name: what a budget counts each shoot by before it starts. {@code run} and the
   * API call it before anything is uploaded when a budget is asked for.
   *
   * @throws InvalidCatalogRequestException naming the generators no price table prices
   */
  public Map<String, Double> budgetPrices(ShootPolicy policy, List<ShootOverrides> rows) {
    Set<String> generators = new LinkedHashSet<>(policy.providers());
    rows.forEach(row -> generators.addAll(row.providers()));
    Map<String, Double> usdPerImage = new LinkedHashMap<>();
    List<String> unpriced = new ArrayList<>();
    for (String generator : generators) {
      if (!Providers.STUDIO.equals(generator)) {
        prices
            .perImage(generator)
            .ifPresentOrElse(usd -> usdPerImage.put(generator, usd), () -> unpriced.add(generator));
      }
    }
    if (!unpriced.isEmpty()) {
      throw new InvalidCatalogRequestException(
          "The catalog cannot start under a budget: it counts"
              + " every paid image at its list price, and Facet's price tables have none for "
              + String.join(", ", unpriced)
              + ". Choose generators it prices, or leave the budget out.");
    }
    return usdPerImage;
  }

  /** A checked row's overrides with the presets' own names for its channels. */
  public ShootOverrides settle(ShootOverrides row, ShootPolicy policy) {
    return policies.checkRow(row, policy).overrides();
  }

  private static WorkflowOptions startOptions(String id) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(CatalogWorkflow.workflowId(id))
        .setTaskQueue(TaskQueues.SHOOT)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        // A completed catalog keeps its id, its outcomes and its report; a failed one may rerun.
        .setWorkflowIdReusePolicy(
            WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder().set(ShootSearchAttributes.CATALOG, id).build())
        .setStaticSummary("catalog " + id)
        .build();
  }

  private static CatalogStarted existing(String id, CatalogStatus status) {
    return new CatalogStarted(id, status.workflowId(), status.runId(), false);
  }

  private static CatalogFinishedException finished(String id, CatalogStatus status) {
    return new CatalogFinishedException(
        id,
        status.words(),
        "Its report: GET /api/catalogs/"
            + id
            + "/report. Start the catalog again under another id.");
  }

  /** The latest run under the id, or empty when none was ever started. */
  public Optional<CatalogStatus> status(String catalogId) {
    String id = requireValidId(catalogId);
    try {
      WorkflowExecutionDescription description =
          client.newUntypedWorkflowStub(CatalogWorkflow.workflowId(id)).describe();
      WorkflowExecution execution = description.getExecution();
      return Optional.of(
          new CatalogStatus(
              execution.getWorkflowId(), execution.getRunId(), description.getStatus()));
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (WorkflowServiceException e) {
      throw new CatalogUnavailableException(id, e);
    }
  }

  /**
   * @throws CatalogNotFoundException when no catalog was started under the id
   * @throws CatalogUnavailableException when it does not answer
   */
  public CatalogProgress progress(String catalogId) {
    String id = requireValidId(catalogId);
    try {
      return workflow(id).progress();
    } catch (WorkflowNotFoundException e) {
      throw new CatalogNotFoundException(id);
    } catch (WorkflowQueryException | WorkflowServiceException e) {
      throw new CatalogUnavailableException(id, e);
    }
  }

  /** Stops starting products; those in progress go on. */
  public CatalogProgress pause(String catalogId) {
    return change(catalogId, "pause", CatalogWorkflow::pause);
  }

  public CatalogProgress resume(String catalogId) {
    return change(catalogId, "resume", CatalogWorkflow::resume);
  }

  /** Starts nothing more and cancels every product in progress. */
  public CatalogProgress cancel(String catalogId) {
    return change(catalogId, "cancel", CatalogWorkflow::cancel);
  }

  /**
   * Raises the budget of a catalog started with one; products held at the old cap start as far as
   * the new one leaves room.
   *
   * @throws CatalogChangeRefusedException for a catalog without a budget, or a budget not above its
   *     current one, with the catalog's reason
   */
  public CatalogProgress raiseBudget(String catalogId, double usd) {
    return change(
        catalogId, "raise its budget", workflow -> workflow.raiseBudget(new BudgetRaise(usd)));
  }

  private CatalogProgress change(
      String catalogId, String change, Function<CatalogWorkflow, CatalogProgress> update) {
    String id = requireValidId(catalogId);
    try {
      return update.apply(workflow(id));
    } catch (WorkflowUpdateException e) {
      throw new CatalogChangeRefusedException(id, change, Failures.rootMessage(e));
    } catch (WorkflowNotFoundException e) {
      CatalogStatus status = status(id).orElseThrow(() -> new CatalogNotFoundException(id));
      throw new CatalogFinishedException(
          id, status.words(), "A closed catalog cannot " + change + ".");
    } catch (WorkflowServiceException e) {
      throw new CatalogUnavailableException(id, e);
    }
  }

  /**
   * The report of a completed catalog.
   *
   * @throws CatalogNotFinishedException while it runs, or when it ended without a report
   */
  public CatalogReport report(String catalogId) {
    String id = requireValidId(catalogId);
    CatalogStatus status = status(id).orElseThrow(() -> new CatalogNotFoundException(id));
    if (status.running()) {
      CatalogProgress progress = progress(id);
      throw new CatalogNotFinishedException(
          "The catalog '"
              + id
              + "' is still running ("
              + (progress.total() - progress.queued() - progress.inProgress())
              + " of "
              + progress.total()
              + " products done); its report is written when it finishes.");
    }
    try {
      return result(id).join().report();
    } catch (CompletionException e) {
      throw new CatalogNotFinishedException(
          "The catalog '"
              + id
              + "' "
              + status.words()
              + " without a report: "
              + Failures.rootMessage(e)
              + ". Fix the cause and start it again under the same id.");
    }
  }

  /** Completes with the catalog's result, following it through continue-as-new. */
  public CompletableFuture<CatalogResult> result(String catalogId) {
    return client
        .newUntypedWorkflowStub(
            CatalogWorkflow.workflowId(requireValidId(catalogId)),
            Optional.empty(),
            Optional.empty())
        .getResultAsync(CatalogResult.class);
  }

  private CatalogWorkflow workflow(String id) {
    return client.newWorkflowStub(CatalogWorkflow.class, CatalogWorkflow.workflowId(id));
  }

  private static String requireValidId(String id) {
    if (!Identifier.CATALOG.isValid(id)) {
      throw new InvalidCatalogRequestException(Identifier.CATALOG.describeInvalid(id));
    }
    return id;
  }
}
