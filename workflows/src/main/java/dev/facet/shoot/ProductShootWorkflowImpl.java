package dev.facet.shoot;

import static dev.facet.shoot.ShootSearchAttributes.AWAITING_HUMAN;
import static dev.facet.shoot.ShootSearchAttributes.CATALOG;
import static dev.facet.shoot.ShootSearchAttributes.PROVIDER;
import static dev.facet.shoot.ShootSearchAttributes.SKU;
import static dev.facet.shoot.ShootSearchAttributes.STAGE;

import dev.facet.metrics.FacetMetrics;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.QaReport;
import dev.facet.model.Score;
import dev.facet.model.ShotSpec;
import dev.facet.routing.ImageEvidence;
import dev.facet.shoot.Decision.Action;
import dev.facet.shoot.ShootPolicy.Approval;
import dev.facet.shoot.ShootPolicy.TimeoutAction;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PublishActivities;
import dev.facet.steps.PublishRequest;
import dev.facet.steps.QaActivities;
import dev.facet.steps.RoundQaRequest;
import dev.facet.steps.ScoreRequest;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.ShootKeys;
import dev.facet.steps.ShotPostProcessRequest;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * One product's shoot in its six steps: capture, prompt, select, post-process, QA, publish.
 *
 * <p>Over 400 lines because the steps, the human decisions and the version branches that keep old
 * histories replaying are one deterministic sequence; generation, provider measurement and the
 * catalog link are its collaborators.
 */
public class ProductShootWorkflowImpl implements ProductShootWorkflow {

  private static final Logger log = Workflow.getLogger(ProductShootWorkflowImpl.class);

  /** The failure type of a shoot that could not finish; it closes the workflow as Failed. */
  static final String SHOOT_FAILED = "ShootFailed";

  /**
   * Patch id of the rule that a round automated QA sends back must be able to come out otherwise: a
   * deterministic generator is not run again on the same inputs (the next provider in the chain
   * takes the shot, or a human decides).
   */
  static final String NO_IDENTICAL_RETRIES = "no-identical-retries";

  /**
   * Patch id of finishing all channels of a shot in one activity (one decode, one matte); histories
   * recorded before ran one activity per shot and channel.
   */
  static final String SHOT_IN_ONE_PASS = "shot-in-one-pass";

  /**
   * Patch id of a shoot that costs fewer server round trips (#16): its identity rides on the first
   * stage's upsert, prompts are a local activity (and their stage, over within one workflow task,
   * is not upserted), QA is one activity for the round's images (and one for a bake-off's finished
   * candidates). Histories recorded before upserted twice at the start, composed prompts in an
   * activity and inspected per shot and channel (and per bake-off candidate).
   */
  static final String FEWER_ROUND_TRIPS = "fewer-round-trips";

  /**
   * Version 2 of {@link #FEWER_ROUND_TRIPS}: publishing, which writes one small manifest document
   * (no image, no provider), is a local activity, so it costs no server round trip of its own (and
   * its stage, over within the workflow task that begins it, is not upserted). Histories recorded
   * at version 1 published in an activity.
   */
  static final int PUBLISH_LOCALLY = 2;

  private final ShootRequest request;
  private final ShootPolicy policy;
  private final ShootRecord record = new ShootRecord();
  private final StepStubs steps;
  private final ProviderMeasurement measurement;
  private final CandidateGeneration generation;
  private final CatalogLink catalog;
  private final PromptWriter prompts;

  /** Whether this run takes the {@link #FEWER_ROUND_TRIPS} shape; decided once, at its start. */
  private boolean fewerRoundTrips;

  /** Whether it also takes {@link #PUBLISH_LOCALLY}; decided with it. */
  private boolean publishLocally;

  /**
   * Search attributes set but not yet upserted, by name (a later value replaces an earlier one):
   * they ride on the next stage's upsert.
   */
  private final Map<String, SearchAttributeUpdate<?>> unsentAttributes = new LinkedHashMap<>();

  private Stage stage = Stage.CAPTURING;

  /** A decision accepted by a handler and not yet acted on by the main loop. */
  private Decision pending;

  @WorkflowInit
  public ProductShootWorkflowImpl(ShootRequest request) {
    this.request = request;
    this.policy = request.policy();
    this.steps = new StepStubs(sku());
    this.measurement = new ProviderMeasurement(request, record, steps);
    this.prompts = new PromptWriter(request, steps);
    this.generation = new CandidateGeneration(request, record, steps, measurement, prompts);
    this.catalog = new CatalogLink(request, record, steps);
  }

  @Override
  public ShootResult run(ShootRequest ignored) {
    List<String> problems = ShootRequests.problems(request);
    if (!problems.isEmpty()) {
      return fail("the shoot request is invalid: " + String.join("; ", problems));
    }
    WorkflowInfo info = Workflow.getInfo();
    ShootKeys keys = ShootKeys.of(info.getWorkflowId(), info.getRunId());
    int shape = Workflow.getVersion(FEWER_ROUND_TRIPS, Workflow.DEFAULT_VERSION, PUBLISH_LOCALLY);
    fewerRoundTrips = shape >= 1;
    publishLocally = shape >= PUBLISH_LOCALLY;
    if (fewerRoundTrips) {
      prompts.composeLocally();
      measurement.inspectTogether();
    }
    upsertIdentity();
    try {
      capture(keys);
      measurement.route().ifPresent(generation::route);
      List<ShotSpec> shots = request.style().shots();
      String feedback = "";
      while (true) {
        record.workOn(shots);
        writePrompts(shots, feedback);
        enter(Stage.GENERATING);
        generation.generate(keys, shots);
        score(keys);
        measurement.ranked(keys);
        if (!select()) {
          return finish(Stage.EXPIRED);
        }
        postProcess(keys, shots);
        inspect(shots);
        Decision verdict = approve();
        if (verdict == null) {
          return finish(Stage.EXPIRED);
        }
        measurement.decided(verdict);
        if (verdict.action() == Action.APPROVE) {
          publish(keys, verdict.reviewer());
          return finish(Stage.PUBLISHED);
        }
        if (record.round() == policy.maxRounds()) {
          return finish(Stage.REJECTED);
        }
        record.nextRound();
        shots = verdict.shotsToRedo(request.style().shots());
        feedback = verdict.notes();
      }
    } catch (ActivityFailure e) {
      return fail(ActivityFailures.describe(e));
    } catch (UnrecoverableShoot e) {
      return fail(e.getMessage());
    }
  }

  // ---- the steps -------------------------------------------------------------------------

  private void capture(ShootKeys keys) {
    enter(Stage.CAPTURING);
    CaptureResult captured =
        steps
            .stub(CaptureActivities.class, ShootActivityOptions.CAPTURE, "capture")
            .capture(new CaptureRequest(keys, request.photos()));
    record.succeeded("capture", request.photos().size() + " photos", 1);
    record.captured(captured);
  }

  private void writePrompts(List<ShotSpec> shots, String feedback) {
    // Composed locally, prompting ends in the workflow task it began in: no listing could see it.
    enter(Stage.PROMPTING, !fewerRoundTrips);
    record.keepPrompts(prompts.compose(shots, feedback, "prompts"));
  }

  /** Scores this round's candidates and ranks them within each shot. */
  private void score(ShootKeys keys) {
    enter(Stage.SCORING);
    List<Candidate> fresh =
        record.roundCandidates().stream().map(CandidateView::candidate).toList();
    List<Score> scores =
        steps
            .stub(ScoringActivities.class, ShootActivityOptions.SCORE, "score " + fresh.size())
            .score(new ScoreRequest(keys, record.references(), record.signature(), fresh));
    record.rank(fresh, scores);
  }

  /**
   * Picks one candidate per shot: by policy when the best clears the threshold, else by a human.
   *
   * @return false when nobody decided in time and the policy says to expire
   */
  private boolean select() {
    Map<String, CandidateView> best = record.bestPerShot();
    boolean clearsBar =
        best.values().stream().allMatch(v -> v.score().total() >= policy.autoThreshold());
    if (policy.approval() == Approval.AUTO && clearsBar) {
      best.forEach((shot, v) -> selectByPolicy(shot, v));
      record.auditByPolicy(Action.SELECT, "selected the best candidate of each shot");
      return true;
    }
    Decision decision = awaitHuman(Stage.AWAITING_SELECTION);
    if (decision != null) {
      decision.selections().forEach(record::select);
      decision.selections().values().forEach(id -> measurement.selected(id, ImageEvidence.HUMAN));
      return true;
    }
    if (policy.onTimeout() == TimeoutAction.AUTO) {
      best.forEach((shot, v) -> selectByPolicy(shot, v));
      record.auditByPolicy(
          Action.SELECT, "nobody selected in time: took the best candidate of each shot");
      return true;
    }
    return false;
  }

  private void selectByPolicy(String shot, CandidateView best) {
    record.select(shot, best.candidate().id());
    measurement.selected(best.candidate().id(), ImageEvidence.POLICY);
  }

  private void postProcess(ShootKeys keys, List<ShotSpec> shots) {
    enter(Stage.POST_PROCESSING);
    boolean onePass = Workflow.getVersion(SHOT_IN_ONE_PASS, Workflow.DEFAULT_VERSION, 1) == 1;
    Map<String, Promise<List<ChannelImage>>> running = new LinkedHashMap<>();
    for (ShotSpec shot : shots) {
      CandidateView selected = record.selected(shot.name());
      ShotPostProcessRequest finish =
          new ShotPostProcessRequest(
              keys,
              selected.candidate(),
              selected.analysis(),
              record.signature(),
              policy.channels());
      if (onePass) {
        PostProcessActivities post =
            steps.stub(
                PostProcessActivities.class,
                ShootActivityOptions.POST_PROCESS,
                "post-process " + shot.name() + " for " + String.join(", ", policy.channels()));
        running.put(shot.name(), Async.function(post::postProcessShot, finish));
      } else {
        for (String channel : policy.channels()) {
          PostProcessActivities post =
              steps.stub(
                  PostProcessActivities.class,
                  ShootActivityOptions.POST_PROCESS,
                  "post-process " + shot.name() + " for " + channel);
          running.put(
              shot.name() + "/" + channel,
              Async.function(post::postProcess, finish.forChannel(channel)).thenApply(List::of));
        }
      }
    }
    running.values().forEach(promise -> promise.get().forEach(record::keepOutput));
  }

  private void inspect(List<ShotSpec> shots) {
    enter(Stage.INSPECTING);
    List<ChannelImage> images =
        shots.stream()
            .flatMap(
                shot ->
                    policy.channels().stream()
                        .map(channel -> record.output(shot.name() + "/" + channel)))
            .toList();
    RoundQaRequest inspect = new RoundQaRequest(record.references(), record.signature(), images);
    List<QaReport> reports;
    if (fewerRoundTrips) {
      reports =
          steps
              .stub(
                  QaActivities.class,
                  ShootActivityOptions.INSPECT,
                  "QA "
                      + String.join(", ", shots.stream().map(ShotSpec::name).toList())
                      + " for "
                      + String.join(", ", policy.channels()))
              .inspectRound(inspect);
    } else {
      List<Promise<QaReport>> running =
          images.stream()
              .map(
                  image ->
                      Async.function(
                          steps.stub(
                                  QaActivities.class,
                                  ShootActivityOptions.INSPECT,
                                  "QA " + image.shot() + "/" + image.channel())
                              ::inspect,
                          inspect.forImage(image)))
              .toList();
      reports = running.stream().map(Promise::get).toList();
    }
    reports.forEach(report -> record.keepQa(report.shot() + "/" + report.channel(), report));
    measurement.judged(reports);
  }

  /**
   * Approves by policy when every blocking check passed; under the {@code auto} policy a failed
   * check sends its shots back for another round while rounds remain; otherwise a human decides.
   *
   * @return the verdict, or null when nobody decided in time and the shoot expires
   */
  private Decision approve() {
    List<String> failedShots = record.failedShots();
    if (policy.approval() == Approval.AUTO) {
      if (failedShots.isEmpty()) {
        record.auditByPolicy(Action.APPROVE, "every blocking check passed");
        return Decision.approve(ShootRecord.POLICY);
      }
      if (record.round() < policy.maxRounds()) {
        String notes = record.failedChecksInWords();
        String repeat = noIdenticalRetries() ? generation.wouldRepeat(failedShots) : null;
        if (repeat == null) {
          record.auditByPolicy(Action.REJECT, "automated QA failed: " + notes);
          if (noIdenticalRetries()) {
            generation.moveOn(failedShots);
          }
          return Decision.reject(notes, failedShots, ShootRecord.POLICY);
        }
        record.auditByPolicy(
            null,
            "automated QA failed: "
                + notes
                + "; not sent back for another round: "
                + repeat
                + ". A human decides.");
      }
    }
    Decision decision = awaitHuman(Stage.AWAITING_APPROVAL);
    if (decision != null) {
      return decision;
    }
    if (policy.onTimeout() == TimeoutAction.AUTO && failedShots.isEmpty()) {
      record.auditByPolicy(
          Action.APPROVE, "nobody decided in time and every blocking check passed");
      return Decision.approve(ShootRecord.POLICY);
    }
    return null;
  }

  private void publish(ShootKeys keys, String approvedBy) {
    // Published locally, publishing ends in the workflow task it began in: no listing could see it.
    enter(Stage.PUBLISHING, !publishLocally);
    PublishActivities publishing =
        publishLocally
            ? steps.localStub(
                PublishActivities.class, ShootActivityOptions.PUBLISH_LOCAL, "publish")
            : steps.stub(PublishActivities.class, ShootActivityOptions.PUBLISH, "publish");
    record.published(
        publishing.publish(
            new PublishRequest(
                keys,
                Workflow.getInfo().getWorkflowId(),
                request.product(),
                record.round(),
                record.outputs(),
                record.qaReports(),
                record.cost(),
                approvedBy)));
  }

  // ---- human decisions -------------------------------------------------------------------

  /** Waits for a decision in {@code waiting}; null when the policy's timeout passes first. */
  private Decision awaitHuman(Stage waiting) {
    enter(waiting);
    long since = Workflow.currentTimeMillis();
    boolean decided = Workflow.await(policy.humanTimeout(), () -> pending != null);
    // The workflow's metrics scope is silent during replay and adds no command: replay-safe.
    String point = waiting == Stage.AWAITING_SELECTION ? "selection" : "approval";
    FacetMetrics.humanWait(
        Workflow.getMetricsScope(),
        point,
        decided,
        Duration.ofMillis(Workflow.currentTimeMillis() - since));
    Decision decision = pending;
    pending = null;
    return decided ? decision : null;
  }

  @Override
  public void decision(Decision decision) {
    String problem = problemWith(decision);
    if (problem != null) {
      // A signal cannot answer its sender, so the refusal is kept where reviewers look.
      log.warn("Ignoring decision signal: {}", problem);
      record.audit(decision, "signal", false, problem);
      return;
    }
    accept(decision, "signal");
  }

  @Override
  public void validateDecide(Decision decision) {
    String problem = problemWith(decision);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  @Override
  public DecisionReceipt decide(Decision decision) {
    String problem = problemWith(decision);
    if (problem != null) {
      // Only reachable when two updates pass validation in the same workflow task.
      throw ApplicationFailure.newFailure(problem, "DecisionRejected");
    }
    return accept(decision, "update");
  }

  private String problemWith(Decision decision) {
    return DecisionRules.problemWith(decision, stage, pending, record, request.style().shots());
  }

  private DecisionReceipt accept(Decision decision, String via) {
    pending = decision;
    String outcome =
        switch (decision.action()) {
          case SELECT -> "selected " + decision.selections().values();
          case APPROVE -> "approved round " + record.round();
          case REJECT ->
              "rejected round "
                  + record.round()
                  + "; redoing "
                  + decision.shotsToRedo(request.style().shots()).stream()
                      .map(ShotSpec::name)
                      .toList();
        };
    record.audit(decision, via, true, outcome);
    return new DecisionReceipt(decision.action(), record.round(), outcome);
  }

  // ---- stage and outcome -----------------------------------------------------------------

  @Override
  public ShootState state() {
    return record.snapshot(request, stage, measurement.routing(), measurement.qaByCandidate());
  }

  /** Moves to {@code next}, and says so in the Web UI and, when it matters, to the catalog. */
  private void enter(Stage next) {
    enter(next, true);
  }

  /**
   * The same; {@code upsert} false keeps the stage's search attributes unsent (they ride on the
   * next upsert), for a stage that ends in the workflow task it begins in.
   */
  private void enter(Stage next, boolean upsert) {
    boolean waitingChanged = next.awaitingHuman() != stage.awaitingHuman();
    stage = next;
    if (waitingChanged && !next.finished()) {
      catalog.tell(next);
    }
    set(STAGE.valueSet(next.name()), AWAITING_HUMAN.valueSet(next.awaitingHuman()));
    if (upsert) {
      upsertUnsent();
    }
    Workflow.setCurrentDetails(
        "**"
            + sku()
            + "**: "
            + next.words()
            + (next.finished()
                ? ""
                : " (round " + record.round() + " of " + policy.maxRounds() + ")"));
  }

  /**
   * Sets the attributes a shoot started by hand (CLI, Web UI) would otherwise lack: at once in
   * histories recorded before {@link #FEWER_ROUND_TRIPS}, else with the first stage's upsert.
   */
  private void upsertIdentity() {
    set(
        SKU.valueSet(sku()),
        request.catalogId().isEmpty()
            ? CATALOG.valueUnset()
            : CATALOG.valueSet(request.catalogId()),
        PROVIDER.valueSet(policy.providers().get(0)));
    if (!fewerRoundTrips) {
      upsertUnsent();
    }
  }

  private void set(SearchAttributeUpdate<?>... updates) {
    for (SearchAttributeUpdate<?> update : updates) {
      unsentAttributes.put(update.getKey().getName(), update);
    }
  }

  private void upsertUnsent() {
    Workflow.upsertTypedSearchAttributes(
        unsentAttributes.values().toArray(SearchAttributeUpdate<?>[]::new));
    unsentAttributes.clear();
  }

  private ShootResult finish(Stage outcome) {
    enter(outcome);
    measurement.finished(outcome);
    catalog.close(outcome);
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new ShootResult(
        sku(),
        outcome,
        record.round(),
        outcome == Stage.PUBLISHED ? record.outputs() : List.of(),
        record.manifest(),
        record.cost(),
        record.failure(),
        record.spend());
  }

  /** Records why, then closes the workflow as Failed so operators find it with one filter. */
  private ShootResult fail(String why) {
    record.shootFailed(why);
    enter(Stage.FAILED);
    measurement.finished(Stage.FAILED);
    catalog.close(Stage.FAILED);
    Workflow.await(Workflow::isEveryHandlerFinished);
    throw ApplicationFailure.newNonRetryableFailure(why, SHOOT_FAILED);
  }

  /**
   * Whether a round that automated QA sends back must change something that can change the outcome
   * (histories recorded before ran the same deterministic generator again).
   */
  private boolean noIdenticalRetries() {
    return Workflow.getVersion(NO_IDENTICAL_RETRIES, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  private String sku() {
    return request.product() == null ? "(no sku)" : request.product().sku();
  }
}
