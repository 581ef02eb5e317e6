package dev.facet.shoot;

import static dev.facet.shoot.ShootSearchAttributes.PROVIDER;

import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.QaReport;
import dev.facet.model.ShotSpec;
import dev.facet.routing.ImageEvidence;
import dev.facet.routing.ProductCategory;
import dev.facet.routing.ProviderReportActivities;
import dev.facet.routing.ProviderStats;
import dev.facet.routing.Routing;
import dev.facet.routing.RoutingDecision;
import dev.facet.shoot.Decision.Action;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PostProcessRequest;
import dev.facet.steps.QaActivities;
import dev.facet.steps.QaRequest;
import dev.facet.steps.RoundQaRequest;
import dev.facet.steps.ShootKeys;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What a shoot does to compare its providers, beside making its photos: routes it by the provider
 * report, judges every provider's best candidates in a bake-off, notes how each candidate was
 * generated, selected, judged and decided on, and hands that evidence to the provider report when
 * the shoot finishes. The workflow and {@link CandidateGeneration} tell it what happened; it adds
 * commands only for policies that measure providers (bake-off or routing). Workflow state:
 * deterministic, no I/O.
 */
final class ProviderMeasurement {

  private static final Logger log = Workflow.getLogger(ProviderMeasurement.class);

  /**
   * Change id of provider measurement (bake-off, routing, evidence for the provider report). Only
   * policies with {@code bakeoff} or {@code routing} take the new path, and histories recorded
   * before it have neither; the marker keeps later changes to that path versionable.
   */
  static final String PROVIDER_MEASUREMENT = "provider-measurement";

  private final ShootRequest request;
  private final ShootPolicy policy;
  private final ShootRecord record;
  private final StepStubs steps;
  private final ProviderEvidenceLog evidence = new ProviderEvidenceLog();

  /**
   * Whether a bake-off's QA is one activity for all its finished candidates (fewer-round-trips).
   */
  private boolean inspectTogether;

  ProviderMeasurement(ShootRequest request, ShootRecord record, StepStubs steps) {
    this.request = request;
    this.policy = request.policy();
    this.record = record;
    this.steps = steps;
  }

  /**
   * Before the first round: the provider chain the provider report chooses for the product's
   * category, when the policy routes. The decision and the numbers it rests on go into the state.
   */
  Optional<List<String>> route() {
    if (policy.routing() == null || policy.bakeoff() || !measuring()) {
      return Optional.empty();
    }
    String category = ProductCategory.of(request.product());
    List<ProviderStats> stats =
        steps
            .stub(
                ProviderReportActivities.class,
                ShootActivityOptions.RECORD_OUTCOME,
                "provider report for " + category)
            .providerStats(category);
    // Drawn from the workflow's seeded random: the same on replay, independent across shoots.
    double draw = Workflow.newRandom().nextDouble();
    RoutingDecision decision =
        Routing.choose(category, policy.providers(), policy.routing(), stats, draw);
    evidence.routed(decision);
    Workflow.upsertTypedSearchAttributes(PROVIDER.valueSet(decision.provider()));
    log.info(
        "Shoot {} routed to {} by {}: {}",
        sku(),
        decision.provider(),
        decision.rule(),
        decision.reason());
    return Optional.of(decision.chain());
  }

  /**
   * From now on a bake-off's candidates are finished as before, then inspected in one activity
   * instead of one per candidate ({@link ProductShootWorkflowImpl#FEWER_ROUND_TRIPS}).
   */
  void inspectTogether() {
    inspectTogether = true;
  }

  /** A variant was generated, in {@code millis} from its first request to its candidate. */
  void generated(Candidate candidate, long millis) {
    evidence.generated(candidate.id(), millis);
  }

  /** A variant failed on {@code provider} for good, with this failure type. */
  void notGenerated(String shot, String provider, String failureType) {
    evidence.failed(record.round(), shot, provider, failureType);
  }

  /**
   * The round's candidates are scored and ranked. In a bake-off each provider's best candidate of
   * each shot is finished for the first channel and checked by QA, so every provider is judged on
   * the same shots by the same checks.
   */
  void ranked(ShootKeys keys) {
    if (!policy.bakeoff() || !measuring()) {
      return;
    }
    String channel = policy.channels().get(0);
    List<CandidateView> judged = new ArrayList<>();
    for (ShotSpec shot : record.shotsInRound()) {
      for (String provider : policy.providers()) {
        record.roundCandidates().stream()
            .filter(
                v ->
                    v.candidate().shot().equals(shot.name())
                        && v.candidate().provider().equals(provider))
            .min(Comparator.comparingInt(CandidateView::rank))
            .ifPresent(judged::add);
      }
    }
    if (inspectTogether) {
      finishThenInspect(keys, judged, channel);
      return;
    }
    Map<String, Promise<QaReport>> running = new LinkedHashMap<>();
    judged.forEach(
        best ->
            running.put(
                best.candidate().id(),
                Async.function(() -> finishAndInspect(keys, best, channel))));
    running.forEach((id, promise) -> evidence.judged(id, promise.get()));
  }

  /** Finishes every candidate at once, then inspects them all in one activity. */
  private void finishThenInspect(ShootKeys keys, List<CandidateView> views, String channel) {
    List<Promise<ChannelImage>> finishing =
        views.stream().map(view -> Async.function(() -> finish(keys, view, channel))).toList();
    List<ChannelImage> finished = finishing.stream().map(Promise::get).toList();
    List<Candidate> candidates = views.stream().map(CandidateView::candidate).toList();
    List<QaReport> reports =
        steps
            .stub(
                QaActivities.class,
                ShootActivityOptions.INSPECT,
                "bake-off QA "
                    + String.join(
                        ", ",
                        candidates.stream().map(c -> c.id() + " (" + c.provider() + ")").toList())
                    + " for "
                    + channel)
            .inspectRound(new RoundQaRequest(record.references(), record.signature(), finished));
    for (int i = 0; i < candidates.size(); i++) {
      evidence.judged(candidates.get(i).id(), reports.get(i));
    }
  }

  private ChannelImage finish(ShootKeys keys, CandidateView view, String channel) {
    Candidate candidate = view.candidate();
    return steps
        .stub(
            PostProcessActivities.class,
            ShootActivityOptions.POST_PROCESS,
            "bake-off post-process "
                + candidate.id()
                + " ("
                + candidate.provider()
                + ") for "
                + channel)
        .postProcess(
            new PostProcessRequest(
                keys.bakeoff(candidate.id()),
                candidate,
                view.analysis(),
                record.signature(),
                channel));
  }

  private QaReport finishAndInspect(ShootKeys keys, CandidateView view, String channel) {
    Candidate candidate = view.candidate();
    String subject = candidate.id() + " (" + candidate.provider() + ") for " + channel;
    ChannelImage finished = finish(keys, view, channel);
    return steps
        .stub(QaActivities.class, ShootActivityOptions.INSPECT, "bake-off QA " + subject)
        .inspect(new QaRequest(record.references(), record.signature(), finished));
  }

  /** A candidate was selected, {@link ImageEvidence#POLICY} or {@link ImageEvidence#HUMAN}. */
  void selected(String candidateId, String by) {
    evidence.selected(candidateId, by);
  }

  /** QA judged the finished images of the round's selected candidates. */
  void judged(List<QaReport> reports) {
    reports.forEach(report -> evidence.judged(record.selection(report.shot()), report));
  }

  /** The verdict on the round's selections: accepted, or rejected for the shots it sends back. */
  void decided(Decision verdict) {
    boolean approved = verdict.action() == Action.APPROVE;
    List<ShotSpec> judged =
        approved ? record.shotsInRound() : verdict.shotsToRedo(request.style().shots());
    for (ShotSpec shot : judged) {
      String id = record.selection(shot.name());
      if (id != null) {
        evidence.verdict(id, approved ? ImageEvidence.ACCEPTED : ImageEvidence.REJECTED);
      }
    }
  }

  /**
   * The shoot ended with {@code outcome}: hands its evidence to the provider report. A failure
   * costs the report, not the shoot.
   */
  void finished(Stage outcome) {
    if (request.product() == null || !measuring()) {
      return;
    }
    try {
      steps
          .stub(
              ProviderReportActivities.class,
              ShootActivityOptions.RECORD_OUTCOME,
              "record provider evidence")
          .recordProviderEvidence(evidence.evidence(request, record.allCandidates(), outcome));
    } catch (ActivityFailure e) {
      log.error("Could not record the provider evidence: {}", ActivityFailures.describe(e));
    }
  }

  /** How the shoot chose its providers, for the state; null when it did not route. */
  RoutingDecision routing() {
    return evidence.routing();
  }

  /** Every judged candidate's QA, for the state (reviewers compare providers with it). */
  Map<String, List<QaReport>> qaByCandidate() {
    return evidence.qaByCandidate();
  }

  /**
   * Whether this shoot takes the provider-measurement path (see {@link #PROVIDER_MEASUREMENT}). The
   * marker is recorded where this is first asked, so callers keep their order of asking.
   */
  private boolean measuring() {
    return policy.measuresProviders()
        && Workflow.getVersion(PROVIDER_MEASUREMENT, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  private String sku() {
    return request.product() == null ? "(no sku)" : request.product().sku();
  }
}
