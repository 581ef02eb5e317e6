package dev.facet.shoot;

import static dev.facet.shoot.ShootSearchAttributes.AWAITING_HUMAN;
import static dev.facet.shoot.ShootSearchAttributes.CATALOG;
import static dev.facet.shoot.ShootSearchAttributes.PROVIDER;
import static dev.facet.shoot.ShootSearchAttributes.SKU;
import static dev.facet.shoot.ShootSearchAttributes.STAGE;

import dev.facet.catalog.CatalogActivities;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.catalog.ProductOutcome;
import dev.facet.catalog.ShootUpdate;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.model.Score;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.shoot.Decision.Action;
import dev.facet.shoot.ShootPolicy.Approval;
import dev.facet.shoot.ShootPolicy.TimeoutAction;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PostProcessRequest;
import dev.facet.steps.PromptActivities;
import dev.facet.steps.PromptRequest;
import dev.facet.steps.PublishActivities;
import dev.facet.steps.PublishRequest;
import dev.facet.steps.QaActivities;
import dev.facet.steps.QaRequest;
import dev.facet.steps.ScoreRequest;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.ShootKeys;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.WorkflowInit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;

public class ProductShootWorkflowImpl implements ProductShootWorkflow {

  private static final Logger log = Workflow.getLogger(ProductShootWorkflowImpl.class);

  /** The failure type of a shoot that could not finish; it closes the workflow as Failed. */
  static final String SHOOT_FAILED = "ShootFailed";

  /** The reviewer name of decisions the policy took. */
  private static final String AUTO_REVIEWER = "auto";

  private final ShootRequest request;
  private final ShootPolicy policy;

  private Stage stage = Stage.CAPTURING;
  private int round = 1;
  private List<Reference> references = List.of();
  private ColourSignature signature;

  /** Prompts of the latest round, by shot. */
  private final Map<String, ShotPrompt> prompts = new LinkedHashMap<>();

  /** Every candidate of every round. */
  private final List<CandidateView> candidates = new ArrayList<>();

  /** The shots the current round works on. */
  private List<ShotSpec> shotsInRound = List.of();

  /** Shot to selected candidate id. Shots not redone in a later round keep their selection. */
  private final Map<String, String> selections = new LinkedHashMap<>();

  /** Current finished image and its QA, by "shot/channel". */
  private final Map<String, ChannelImage> outputs = new LinkedHashMap<>();

  private final Map<String, QaReport> qa = new LinkedHashMap<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private ImageRef manifest;
  private String failure;

  private final ProviderChain chain;
  private final List<Fallback> fallbacks = new ArrayList<>();

  /** What an operator must act on: a provider refusing credentials, a spent budget. */
  private final List<String> alerts = new ArrayList<>();

  private final Map<String, String> lastGenerationError = new LinkedHashMap<>();

  /** A decision accepted by a handler and not yet acted on by the main loop. */
  private Decision pending;

  @WorkflowInit
  public ProductShootWorkflowImpl(ShootRequest request) {
    this.request = request;
    this.policy = request.policy();
    this.chain = new ProviderChain(policy.providers(), policy.budgetUsd());
  }

  @Override
  public ShootResult run(ShootRequest ignored) {
    List<String> problems = ShootRequests.problems(request);
    if (!problems.isEmpty()) {
      return fail("the shoot request is invalid: " + String.join("; ", problems));
    }
    WorkflowInfo info = Workflow.getInfo();
    ShootKeys keys = ShootKeys.of(info.getWorkflowId(), info.getRunId());
    upsertIdentity();
    try {
      enter(Stage.CAPTURING);
      CaptureResult captured =
          step(CaptureActivities.class, ShootActivityOptions.CAPTURE, "capture")
              .capture(new CaptureRequest(keys, request.photos()));
      record("capture", request.photos().size() + " photos", 1);
      references = captured.references();
      signature = captured.signature();

      List<ShotSpec> shots = request.style().shots();
      String feedback = "";
      while (true) {
        shotsInRound = shots;
        writePrompts(shots, feedback);
        generate(keys, shots);
        score(shots);
        if (!select(shots)) {
          return finish(Stage.EXPIRED);
        }
        postProcess(keys, shots);
        inspect(shots);
        Decision verdict = approve();
        if (verdict == null) {
          return finish(Stage.EXPIRED);
        }
        if (verdict.action() == Action.APPROVE) {
          publish(keys, verdict.reviewer());
          return finish(Stage.PUBLISHED);
        }
        if (round == policy.maxRounds()) {
          return finish(Stage.REJECTED);
        }
        round++;
        shots = shotsToRedo(verdict);
        feedback = verdict.notes();
      }
    } catch (ActivityFailure e) {
      return fail(describe(e));
    } catch (Unrecoverable e) {
      return fail(e.getMessage());
    }
  }

  private void writePrompts(List<ShotSpec> shots, String feedback) {
    enter(Stage.PROMPTING);
    List<ShotPrompt> written =
        step(PromptActivities.class, ShootActivityOptions.PROMPT, "prompts")
            .composePrompts(new PromptRequest(request.product(), request.style(), shots, feedback));
    written.forEach(p -> prompts.put(p.shot(), p));
  }

  /**
   * Every variant of every shot at once. A variant that still fails after its retries moves down
   * the provider chain; one that no provider could make is recorded and left out; a shot with no
   * candidate at all fails the shoot.
   */
  private void generate(ShootKeys keys, List<ShotSpec> shots) {
    enter(Stage.GENERATING);
    Map<String, Promise<Candidate>> running = new LinkedHashMap<>();
    for (ShotSpec shot : shots) {
      for (int variant = 1; variant <= policy.variants(); variant++) {
        int v = variant;
        running.put(
            shot.name() + " v" + variant, Async.function(() -> generateVariant(keys, shot, v)));
      }
    }
    Map<String, List<Candidate>> byShot = new LinkedHashMap<>();
    running.forEach(
        (subject, promise) -> {
          Candidate candidate = promise.get();
          if (candidate != null) {
            byShot.computeIfAbsent(candidate.shot(), s -> new ArrayList<>()).add(candidate);
          }
        });
    for (ShotSpec shot : shots) {
      if (!byShot.containsKey(shot.name())) {
        throw new Unrecoverable(
            "no candidate could be generated for shot '" + shot.name() + "': "
                + lastGenerationError.get(shot.name()));
      }
    }
    byShot.values().forEach(list -> list.forEach(c -> candidates.add(new CandidateView(c, null, 0))));
  }

  /**
   * One variant, down the provider chain: a moderated prompt is retried once, softened, on the same
   * provider; refused credentials or spent credit retire the provider for the rest of the shoot.
   *
   * @return the candidate, or null when no provider could make it
   */
  private Candidate generateVariant(ShootKeys keys, ShotSpec shot, int variant) {
    String subject = shot.name() + " v" + variant;
    ShotPrompt prompt = prompts.get(shot.name());
    boolean softened = false;
    String provider = chain.first();
    if (provider == null) {
      lastGenerationError.put(shot.name(), "no generator is usable: " + String.join(", ", alerts));
    }
    while (provider != null) {
      String current = provider;
      Workflow.await(() -> chain.canJudge(current));
      if (!chain.affordable(provider)) {
        alert("budget of $" + policy.budgetUsd() + " reached: no new paid generations");
        String next = chain.after(provider);
        fallbacks.add(new Fallback(round, subject, provider, next, "the budget is spent"));
        lastGenerationError.put(shot.name(), "the budget of $" + policy.budgetUsd() + " is spent");
        provider = next;
        continue;
      }
      GenerateRequest generate = new GenerateRequest(keys, round, shot, variant, prompt, references,
          signature, request.style(), provider);
      chain.reserve(provider);
      try {
        Candidate candidate = step(GenerationActivities.class,
            ShootActivityOptions.generate(provider), "generate " + subject + " (" + provider + ")")
            .generate(generate);
        chain.settle(provider, candidate.costUsd());
        record("generate", subject + " (" + provider + ")", candidate.attempts());
        return candidate;
      } catch (ActivityFailure e) {
        chain.release(provider);
        recordFailure("generate", subject + " (" + provider + ")", e,
            ShootActivityOptions.GENERATE_MAX_ATTEMPTS);
        lastGenerationError.put(shot.name(), describe(e));
        String type = failureType(e);
        if (FailureTypes.PROVIDER_MODERATED.equals(type) && !softened) {
          softened = true;
          prompt = SoftenedPrompt.of(unfedPrompt(shot));
          fallbacks.add(new Fallback(round, subject, provider, provider,
              "moderated: retrying once with a softened prompt"));
          continue;
        }
        if (FailureTypes.PROVIDER_AUTH.equals(type) || FailureTypes.PROVIDER_OUT_OF_CREDIT.equals(type)) {
          retire(provider, describe(e));
        }
        String next = chain.after(provider);
        fallbacks.add(new Fallback(round, subject, provider, next, describe(e)));
        provider = next;
      }
    }
    return null;
  }

  /** This shot's prompt as written without reviewer feedback: the base for softening. */
  private ShotPrompt unfedPrompt(ShotSpec shot) {
    return step(PromptActivities.class, ShootActivityOptions.PROMPT, "soften " + shot.name())
        .composePrompts(new PromptRequest(request.product(), request.style(), List.of(shot), ""))
        .get(0);
  }

  /** Takes a provider out of this shoot's chain: an operator has to fix its account. */
  private void retire(String provider, String why) {
    chain.retire(provider);
    alert("provider " + provider + " is unusable: " + why);
  }

  private void alert(String alert) {
    if (!alerts.contains(alert)) {
      log.error("Shoot {}: {}", sku(), alert);
      alerts.add(alert);
    }
  }

  /** Scores this round's candidates and ranks them within each shot (1 = best). */
  private void score(List<ShotSpec> shots) {
    enter(Stage.SCORING);
    List<Candidate> fresh = roundCandidates().stream().map(CandidateView::candidate).toList();
    List<Score> scores =
        step(ScoringActivities.class, ShootActivityOptions.SCORE, "score " + fresh.size())
            .score(new ScoreRequest(references, signature, fresh));
    candidates.removeIf(v -> v.candidate().round() == round);
    for (ShotSpec shot : shots) {
      List<CandidateView> ranked = new ArrayList<>();
      for (int i = 0; i < fresh.size(); i++) {
        if (fresh.get(i).shot().equals(shot.name())) {
          ranked.add(new CandidateView(fresh.get(i), scores.get(i), 0));
        }
      }
      ranked.sort(
          Comparator.comparingDouble((CandidateView v) -> -v.score().total())
              .thenComparingInt(v -> v.candidate().variant()));
      for (int rank = 1; rank <= ranked.size(); rank++) {
        CandidateView v = ranked.get(rank - 1);
        candidates.add(new CandidateView(v.candidate(), v.score(), rank));
      }
    }
  }

  /**
   * Picks one candidate per shot: by policy when the best clears the threshold, else by a human.
   *
   * @return false when nobody decided in time and the policy says to expire
   */
  private boolean select(List<ShotSpec> shots) {
    Map<String, CandidateView> best = bestPerShot();
    boolean clearsBar = best.values().stream().allMatch(v -> v.score().total() >= policy.autoThreshold());
    if (policy.approval() == Approval.AUTO && clearsBar) {
      best.forEach((shot, v) -> selections.put(shot, v.candidate().id()));
      auditByPolicy(Action.SELECT, "selected the best candidate of each shot");
      return true;
    }
    Decision decision = awaitHuman(Stage.AWAITING_SELECTION);
    if (decision != null) {
      selections.putAll(decision.selections());
      return true;
    }
    if (policy.onTimeout() == TimeoutAction.AUTO) {
      best.forEach((shot, v) -> selections.put(shot, v.candidate().id()));
      auditByPolicy(Action.SELECT, "nobody selected in time: took the best candidate of each shot");
      return true;
    }
    return false;
  }

  private void postProcess(ShootKeys keys, List<ShotSpec> shots) {
    enter(Stage.POST_PROCESSING);
    Map<String, Promise<ChannelImage>> running = new LinkedHashMap<>();
    for (ShotSpec shot : shots) {
      Candidate selected = candidate(selections.get(shot.name())).candidate();
      for (String channel : policy.channels()) {
        PostProcessActivities post =
            step(
                PostProcessActivities.class,
                ShootActivityOptions.POST_PROCESS,
                "post-process " + shot.name() + " for " + channel);
        running.put(
            shot.name() + "/" + channel,
            Async.function(
                post::postProcess, new PostProcessRequest(keys, selected, signature, channel)));
      }
    }
    running.forEach((key, promise) -> outputs.put(key, promise.get()));
    running.keySet().forEach(key -> record("post-process", key, 1));
  }

  private void inspect(List<ShotSpec> shots) {
    enter(Stage.INSPECTING);
    Map<String, Promise<QaReport>> running = new LinkedHashMap<>();
    for (ShotSpec shot : shots) {
      for (String channel : policy.channels()) {
        String key = shot.name() + "/" + channel;
        QaActivities inspector =
            step(QaActivities.class, ShootActivityOptions.INSPECT, "QA " + key);
        running.put(
            key,
            Async.function(
                inspector::inspect, new QaRequest(references, signature, outputs.get(key))));
      }
    }
    running.forEach((key, promise) -> qa.put(key, promise.get()));
  }

  /**
   * Approves by policy when every blocking check passed; under the {@code auto} policy a failed
   * check sends its shots back for another round while rounds remain; otherwise a human decides.
   *
   * @return the verdict, or null when nobody decided in time and the shoot expires
   */
  private Decision approve() {
    List<String> failedShots = failedShots();
    if (policy.approval() == Approval.AUTO) {
      if (failedShots.isEmpty()) {
        auditByPolicy(Action.APPROVE, "every blocking check passed");
        return Decision.approve(AUTO_REVIEWER);
      }
      if (round < policy.maxRounds()) {
        String notes = failedChecksInWords();
        auditByPolicy(Action.REJECT, "automated QA failed: " + notes);
        return Decision.reject(notes, failedShots, AUTO_REVIEWER);
      }
    }
    Decision decision = awaitHuman(Stage.AWAITING_APPROVAL);
    if (decision != null) {
      return decision;
    }
    if (policy.onTimeout() == TimeoutAction.AUTO && failedShots.isEmpty()) {
      auditByPolicy(Action.APPROVE, "nobody decided in time and every blocking check passed");
      return Decision.approve(AUTO_REVIEWER);
    }
    return null;
  }

  private void publish(ShootKeys keys, String approvedBy) {
    enter(Stage.PUBLISHING);
    manifest =
        step(PublishActivities.class, ShootActivityOptions.PUBLISH, "publish")
            .publish(
                new PublishRequest(
                    keys,
                    Workflow.getInfo().getWorkflowId(),
                    request.product(),
                    round,
                    List.copyOf(outputs.values()),
                    List.copyOf(qa.values()),
                    cost(),
                    approvedBy));
    record("publish", manifest.key(), 1);
  }

  // ---- human decisions -------------------------------------------------------------------

  /** Waits for a decision in {@code waiting}; null when the policy's timeout passes first. */
  private Decision awaitHuman(Stage waiting) {
    enter(waiting);
    boolean decided = Workflow.await(policy.humanTimeout(), () -> pending != null);
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
      audit(decision, "signal", false, problem);
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

  private DecisionReceipt accept(Decision decision, String via) {
    pending = decision;
    String outcome =
        switch (decision.action()) {
          case SELECT -> "selected " + decision.selections().values();
          case APPROVE -> "approved round " + round;
          case REJECT -> "rejected round " + round + "; redoing " + shotsToRedo(decision).stream()
              .map(ShotSpec::name).toList();
        };
    audit(decision, via, true, outcome);
    return new DecisionReceipt(decision.action(), round, outcome);
  }

  /** Why {@code decision} cannot apply now, or null when it can. */
  private String problemWith(Decision decision) {
    if (decision == null || decision.action() == null) {
      return "a decision needs an action: select, approve or reject";
    }
    if (stage.finished()) {
      return "the shoot has already finished: " + stage.words();
    }
    if (pending != null) {
      return "a decision was already taken for this step (" + pending.action().name().toLowerCase()
          + " by " + pending.reviewer() + ")";
    }
    if (decision.round() != null && decision.round() != round) {
      return "the decision is for round " + decision.round() + " but the shoot is in round " + round;
    }
    return switch (decision.action()) {
      case SELECT -> problemWithSelection(decision);
      case APPROVE, REJECT -> stage == Stage.AWAITING_APPROVAL
          ? unknownShots(decision.redoShots())
          : "the shoot is not waiting for approval; it is " + stage.words();
    };
  }

  private String problemWithSelection(Decision decision) {
    if (stage != Stage.AWAITING_SELECTION) {
      return "the shoot is not waiting for a selection; it is " + stage.words();
    }
    for (ShotSpec shot : shotsInRound) {
      String id = decision.selections().get(shot.name());
      if (id == null) {
        return "select one candidate for shot '" + shot.name() + "' (selections is a map of shot to"
            + " candidate id)";
      }
      CandidateView chosen = candidate(id);
      if (chosen == null || chosen.candidate().round() != round
          || !chosen.candidate().shot().equals(shot.name())) {
        return "'" + id + "' is not a candidate of shot '" + shot.name() + "' in round " + round
            + "; choose one of " + roundCandidates().stream()
                .filter(v -> v.candidate().shot().equals(shot.name()))
                .map(v -> v.candidate().id()).toList();
      }
    }
    List<String> extra = decision.selections().keySet().stream()
        .filter(s -> shotsInRound.stream().noneMatch(shot -> shot.name().equals(s)))
        .toList();
    return extra.isEmpty() ? null : "shots " + extra + " are not awaiting selection";
  }

  private String unknownShots(List<String> shots) {
    List<String> unknown = shots.stream()
        .filter(s -> request.style().shots().stream().noneMatch(shot -> shot.name().equals(s)))
        .toList();
    return unknown.isEmpty() ? null : "unknown shots " + unknown + "; this shoot has "
        + request.style().shots().stream().map(ShotSpec::name).toList();
  }

  // ---- state -----------------------------------------------------------------------------

  @Override
  public ShootState state() {
    return new ShootState(
        sku(),
        request.catalogId(),
        stage,
        stage.words(),
        stage.awaitingHuman(),
        round,
        policy.maxRounds(),
        policy,
        references,
        List.copyOf(prompts.values()),
        List.copyOf(candidates),
        Map.copyOf(selections),
        List.copyOf(outputs.values()),
        List.copyOf(qa.values()),
        List.copyOf(attempts),
        List.copyOf(fallbacks),
        List.copyOf(alerts),
        List.copyOf(audit),
        cost(),
        manifest,
        failure);
  }

  private void enter(Stage next) {
    boolean waitingChanged = next.awaitingHuman() != stage.awaitingHuman();
    stage = next;
    if (waitingChanged && !next.finished()) {
      tellCatalog();
    }
    Workflow.upsertTypedSearchAttributes(
        STAGE.valueSet(next.name()), AWAITING_HUMAN.valueSet(next.awaitingHuman()));
    Workflow.setCurrentDetails(
        "**" + sku() + "**: " + next.words()
            + (next.finished() ? "" : " (round " + round + " of " + policy.maxRounds() + ")"));
  }

  /** Sets the attributes a shoot started by hand (CLI, Web UI) would otherwise lack. */
  private void upsertIdentity() {
    Workflow.upsertTypedSearchAttributes(
        SKU.valueSet(sku()),
        request.catalogId().isEmpty() ? CATALOG.valueUnset() : CATALOG.valueSet(request.catalogId()),
        PROVIDER.valueSet(policy.providers().get(0)));
  }

  private ShootResult finish(Stage outcome) {
    enter(outcome);
    closeWithCatalog();
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new ShootResult(
        sku(),
        outcome,
        round,
        outcome == Stage.PUBLISHED ? List.copyOf(outputs.values()) : List.of(),
        manifest,
        cost(),
        failure);
  }

  /** Records why, then closes the workflow as Failed so operators find it with one filter. */
  private ShootResult fail(String why) {
    failure = why;
    enter(Stage.FAILED);
    closeWithCatalog();
    Workflow.await(Workflow::isEveryHandlerFinished);
    throw ApplicationFailure.newNonRetryableFailure(why, SHOOT_FAILED);
  }

  // ---- the catalog this shoot belongs to, if any ----------------------------------------

  /** Keeps the outcome for the catalog report and tells the catalog the product is done. */
  private void closeWithCatalog() {
    if (request.catalogId().isEmpty() || request.product() == null) {
      return;
    }
    try {
      step(CatalogActivities.class, ShootActivityOptions.PUBLISH, "record outcome")
          .recordOutcome(new ProductOutcome(request.catalogId(), sku(), stage, round, cost(),
              stage == Stage.PUBLISHED ? List.copyOf(outputs.values()) : List.of(),
              List.copyOf(qa.values()), failure));
    } catch (ActivityFailure e) {
      // The report will miss this product's details; its outcome still reaches the catalog.
      log.error("Could not record the outcome for the catalog report: {}", describe(e));
    }
    tellCatalog();
  }

  /** Signals the catalog: waiting for a human or not, or finished. */
  private void tellCatalog() {
    if (request.catalogId().isEmpty() || request.product() == null) {
      return;
    }
    ImageRef hero = stage == Stage.PUBLISHED ? heroImage() : null;
    try {
      Workflow.newExternalWorkflowStub(
              CatalogWorkflow.class, CatalogWorkflow.workflowId(request.catalogId()))
          .shootUpdate(new ShootUpdate(sku(), stage, cost(), failure, hero));
    } catch (SignalExternalWorkflowException | ApplicationFailure e) {
      // The catalog has closed (finished, cancelled) or never existed: nobody is listening. The
      // product's own outcome stands either way.
      log.warn("Catalog {} did not take the update: {}", request.catalogId(), e.getMessage());
    }
  }

  /** The approved image of the style's first shot: the collection's style reference. */
  private ImageRef heroImage() {
    CandidateView hero = candidate(selections.get(request.style().shots().get(0).name()));
    return hero == null ? null : hero.candidate().image();
  }

  // ---- helpers ---------------------------------------------------------------------------

  private String sku() {
    return request.product() == null ? "(no sku)" : request.product().sku();
  }

  /** Ends the shoot as failed from deep inside a step; caught in {@link #run}. */
  private static final class Unrecoverable extends RuntimeException {
    Unrecoverable(String message) {
      super(message, null, false, false);
    }
  }

  /** A stub for one call, so the Web UI's activity summary names the product and the work. */
  private <T> T step(Class<T> activities, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(
        activities,
        options.toBuilder().setSummary(sku() + ": " + summary).build());
  }

  private List<CandidateView> roundCandidates() {
    return candidates.stream().filter(v -> v.candidate().round() == round).toList();
  }

  private CandidateView candidate(String id) {
    return candidates.stream().filter(v -> v.candidate().id().equals(id)).findFirst().orElse(null);
  }

  private Map<String, CandidateView> bestPerShot() {
    return roundCandidates().stream()
        .filter(v -> v.rank() == 1)
        .collect(Collectors.toMap(v -> v.candidate().shot(), v -> v, (a, b) -> a, LinkedHashMap::new));
  }

  private List<ShotSpec> shotsToRedo(Decision reject) {
    if (reject.redoShots().isEmpty()) {
      return request.style().shots();
    }
    return request.style().shots().stream()
        .filter(shot -> reject.redoShots().contains(shot.name()))
        .toList();
  }

  private List<String> failedShots() {
    return qa.values().stream()
        .filter(report -> !report.passed())
        .map(QaReport::shot)
        .distinct()
        .toList();
  }

  private String failedChecksInWords() {
    return qa.values().stream()
        .filter(report -> !report.passed())
        .flatMap(report -> report.checks().stream()
            .filter(c -> c.blocking() && !c.passed())
            .map(c -> report.shot() + " (" + report.channel() + "): " + describe(c)))
        .collect(Collectors.joining("; "));
  }

  private static String describe(QaCheck check) {
    return check.name() + " " + check.value() + " must be " + check.comparator() + " "
        + check.threshold() + (check.detail().isEmpty() ? "" : " - " + check.detail());
  }

  private double cost() {
    return candidates.stream().mapToDouble(v -> v.candidate().costUsd()).sum();
  }

  private void record(String step, String subject, int attemptsTaken) {
    attempts.add(new Attempt(round, step, subject, attemptsTaken, true, null, null));
  }

  private void recordFailure(String step, String subject, ActivityFailure e, int maximumAttempts) {
    int taken = ActivityAttempts.of(e, maximumAttempts);
    attempts.add(new Attempt(round, step, subject, taken, false, failureType(e), describe(e)));
  }

  private void audit(Decision decision, String via, boolean accepted, String outcome) {
    audit.add(new AuditEntry(
        Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
        decision == null ? "unknown" : decision.reviewer(),
        decision == null ? null : decision.action(),
        round, via, accepted, outcome));
  }

  private void auditByPolicy(Action action, String outcome) {
    audit.add(new AuditEntry(
        Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
        AUTO_REVIEWER, action, round, "policy", true, outcome));
  }

  private static String failureType(ActivityFailure e) {
    return e.getCause() instanceof ApplicationFailure af ? af.getType()
        : e.getCause() == null ? "Unknown" : e.getCause().getClass().getSimpleName();
  }

  /** The root cause of an activity failure in words. */
  private static String describe(ActivityFailure e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String message = cause instanceof ApplicationFailure af ? af.getOriginalMessage() : cause.getMessage();
    return e.getActivityType() + " failed: " + message;
  }
}
