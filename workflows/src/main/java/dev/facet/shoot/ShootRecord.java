package dev.facet.shoot;

import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.model.Score;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.routing.RoutingDecision;
import dev.facet.steps.CaptureResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything a shoot has made, measured and been told so far: the evidence its decisions rest on
 * and its {@code state} query shows. Workflow state: deterministic, no I/O.
 */
final class ShootRecord {

  /** The reviewer name of decisions the policy took. */
  static final String POLICY = "auto";

  private int round = 1;
  private List<Reference> references = List.of();
  private ColourSignature signature;

  /** The shots the current round works on. */
  private List<ShotSpec> shotsInRound = List.of();

  /** Prompts of the latest round, by shot. */
  private final Map<String, ShotPrompt> prompts = new LinkedHashMap<>();

  /** Every candidate of every round. */
  private final List<CandidateView> candidates = new ArrayList<>();

  /** Shot to selected candidate id. Shots not redone in a later round keep their selection. */
  private final Map<String, String> selections = new LinkedHashMap<>();

  /** Current finished image and its QA, by "shot/channel". */
  private final Map<String, ChannelImage> outputs = new LinkedHashMap<>();

  private final Map<String, QaReport> qa = new LinkedHashMap<>();
  private final List<Attempt> attempts = new ArrayList<>();
  private final List<Fallback> fallbacks = new ArrayList<>();

  /** What an operator must act on: a provider refusing credentials, a spent budget. */
  private final List<String> alerts = new ArrayList<>();

  private final List<AuditEntry> audit = new ArrayList<>();

  /** Every request a provider may have charged this shoot for. */
  private final Ledger ledger = new Ledger();

  private ImageRef manifest;
  private String failure;

  // ---- rounds, references and prompts ----------------------------------------------------

  int round() {
    return round;
  }

  void nextRound() {
    round++;
  }

  /** The reference photos and colour signature every later step compares against. */
  void captured(CaptureResult captured) {
    references = captured.references();
    signature = captured.signature();
  }

  List<Reference> references() {
    return references;
  }

  ColourSignature signature() {
    return signature;
  }

  /** Starts work on {@code shots}: the whole style in round 1, the shots sent back later. */
  void workOn(List<ShotSpec> shots) {
    shotsInRound = shots;
  }

  List<ShotSpec> shotsInRound() {
    return shotsInRound;
  }

  /** Keeps the round's prompts, replacing the shots' earlier ones. */
  void keepPrompts(List<ShotPrompt> written) {
    written.forEach(p -> prompts.put(p.shot(), p));
  }

  ShotPrompt prompt(String shot) {
    return prompts.get(shot);
  }

  // ---- candidates ------------------------------------------------------------------------

  void addCandidates(List<Candidate> made) {
    made.forEach(c -> candidates.add(new CandidateView(c, null, 0)));
  }

  List<CandidateView> roundCandidates() {
    return candidates.stream().filter(v -> v.candidate().round() == round).toList();
  }

  CandidateView candidate(String id) {
    return candidates.stream().filter(v -> v.candidate().id().equals(id)).findFirst().orElse(null);
  }

  /** Attaches this round's scores and ranks each shot's candidates (1 = best). */
  void rank(List<Candidate> scored, List<Score> scores) {
    candidates.removeIf(v -> v.candidate().round() == round);
    for (ShotSpec shot : shotsInRound) {
      List<CandidateView> ranked = new ArrayList<>();
      for (int i = 0; i < scored.size(); i++) {
        if (scored.get(i).shot().equals(shot.name())) {
          ranked.add(new CandidateView(scored.get(i), scores.get(i), 0));
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

  Map<String, CandidateView> bestPerShot() {
    return roundCandidates().stream()
        .filter(v -> v.rank() == 1)
        .collect(
            Collectors.toMap(v -> v.candidate().shot(), v -> v, (a, b) -> a, LinkedHashMap::new));
  }

  void select(String shot, String candidateId) {
    selections.put(shot, candidateId);
  }

  /** The shot's selected candidate id; null before its first selection. */
  String selection(String shot) {
    return selections.get(shot);
  }

  /** The shot's selected candidate; null before its first selection. */
  CandidateView selected(String shot) {
    return candidate(selections.get(shot));
  }

  // ---- finished images and cost ------------------------------------------------------------

  /** Keeps a finished image as its shot's and channel's current output. */
  void keepOutput(ChannelImage image) {
    String key = image.shot() + "/" + image.channel();
    outputs.put(key, image);
    succeeded("post-process", key, 1);
  }

  /** The current finished image of a "shot/channel". */
  ChannelImage output(String key) {
    return outputs.get(key);
  }

  List<ChannelImage> outputs() {
    return List.copyOf(outputs.values());
  }

  void published(ImageRef manifest) {
    this.manifest = manifest;
    succeeded("publish", manifest.key(), 1);
  }

  ImageRef manifest() {
    return manifest;
  }

  /** Notes what the provider may bill for a delivered candidate; returns its total. */
  double charge(Candidate made) {
    return ledger.add(made);
  }

  /** Notes what the provider may bill for a failed generation; returns its total. */
  double charge(ActivityFailure failed) {
    return ledger.add(failed);
  }

  /** What the providers would bill: the ledger's total, lost charges included. */
  double cost() {
    return ledger.costUsd();
  }

  List<ProviderSpend> spend() {
    return ledger.spend();
  }

  // ---- QA --------------------------------------------------------------------------------

  /** Keeps QA's report on a "shot/channel" as its current one. */
  void keepQa(String key, QaReport report) {
    qa.put(key, report);
  }

  List<QaReport> qaReports() {
    return List.copyOf(qa.values());
  }

  List<String> failedShots() {
    return qa.values().stream()
        .filter(report -> !report.passed())
        .map(QaReport::shot)
        .distinct()
        .toList();
  }

  /** The blocking checks that failed, in words for the next round's prompt. */
  String failedChecksInWords() {
    return qa.values().stream()
        .filter(report -> !report.passed())
        .flatMap(
            report ->
                report.checks().stream()
                    .filter(c -> c.blocking() && !c.passed())
                    .map(c -> report.shot() + " (" + report.channel() + "): " + inWords(c)))
        .collect(Collectors.joining("; "));
  }

  private static String inWords(QaCheck check) {
    return check.name()
        + " "
        + check.value()
        + " must be "
        + check.comparator()
        + " "
        + check.threshold()
        + (check.detail().isEmpty() ? "" : " - " + check.detail());
  }

  // ---- attempts, alerts and the audit trail ----------------------------------------------

  void succeeded(String step, String subject, int attemptsTaken) {
    attempts.add(new Attempt(round, step, subject, attemptsTaken, true, null, null));
  }

  void failed(String step, String subject, ActivityFailure e, int maximumAttempts) {
    attempts.add(
        new Attempt(
            round,
            step,
            subject,
            ActivityFailures.attempts(e, maximumAttempts),
            false,
            ActivityFailures.type(e),
            ActivityFailures.describe(e)));
  }

  /** A variant moved from one provider to another (or to none, {@code to} null), and why. */
  void fellBack(String subject, String from, String to, String reason) {
    fallbacks.add(new Fallback(round, subject, from, to, reason));
  }

  /** Keeps an operator alert once; true when it is new. */
  boolean alert(String alert) {
    if (alerts.contains(alert)) {
      return false;
    }
    alerts.add(alert);
    return true;
  }

  void audit(Decision decision, String via, boolean accepted, String outcome) {
    audit.add(
        new AuditEntry(
            now(),
            decision == null ? "unknown" : decision.reviewer(),
            decision == null ? null : decision.action(),
            round,
            via,
            accepted,
            outcome));
  }

  void auditByPolicy(Decision.Action action, String outcome) {
    audit.add(new AuditEntry(now(), POLICY, action, round, "policy", true, outcome));
  }

  List<String> alerts() {
    return List.copyOf(alerts);
  }

  /** Why the shoot could not finish, for its result, state and catalog. */
  void shootFailed(String why) {
    failure = why;
  }

  String failure() {
    return failure;
  }

  private static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }

  /**
   * The state query's answer.
   *
   * @param routing how the shoot chose its providers; null when it did not route
   * @param candidateQa every judged candidate's QA, by candidate id
   */
  ShootState snapshot(
      ShootRequest request,
      Stage stage,
      RoutingDecision routing,
      Map<String, List<QaReport>> candidateQa) {
    return new ShootState(
        request.product() == null ? "(no sku)" : request.product().sku(),
        request.catalogId(),
        stage,
        stage.words(),
        stage.awaitingHuman(),
        round,
        request.policy().maxRounds(),
        request.policy(),
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
        failure,
        routing,
        candidateQa,
        ledger.lines(),
        ledger.spend());
  }

  /** Every candidate of every round, for the provider evidence. */
  List<CandidateView> allCandidates() {
    return List.copyOf(candidates);
  }
}
