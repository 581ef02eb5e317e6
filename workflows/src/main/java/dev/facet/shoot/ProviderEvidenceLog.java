package dev.facet.shoot;

import dev.facet.model.QaReport;
import dev.facet.routing.FailedGeneration;
import dev.facet.routing.ImageEvidence;
import dev.facet.routing.ProductCategory;
import dev.facet.routing.RoutingDecision;
import dev.facet.routing.ShootEvidence;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a shoot learns about its providers as it goes: generation times, the QA of each judged
 * candidate, who selected what, and the verdicts. Turned into {@link ShootEvidence} at the end.
 * Workflow state: deterministic, no I/O.
 */
final class ProviderEvidenceLog {

  /** How the shoot chose its providers; null when it did not route (plain or bake-off). */
  private RoutingDecision routing;

  private final Map<String, Long> generationMillis = new HashMap<>();
  private final Map<String, List<QaReport>> qaByCandidate = new LinkedHashMap<>();
  private final Map<String, String> selectedBy = new HashMap<>();
  private final Map<String, String> verdicts = new HashMap<>();
  private final List<FailedGeneration> failures = new ArrayList<>();

  void routed(RoutingDecision decision) {
    routing = decision;
  }

  RoutingDecision routing() {
    return routing;
  }

  void generated(String candidateId, long millis) {
    generationMillis.put(candidateId, millis);
  }

  void failed(int round, String shot, String provider, String failureType) {
    failures.add(new FailedGeneration(round, shot, provider, failureType));
  }

  void judged(String candidateId, QaReport report) {
    qaByCandidate.computeIfAbsent(candidateId, id -> new ArrayList<>()).add(report);
  }

  void selected(String candidateId, String by) {
    selectedBy.put(candidateId, by);
  }

  void verdict(String candidateId, String verdict) {
    verdicts.put(candidateId, verdict);
  }

  /** Every judged candidate's QA, for the state query (reviewers compare providers with it). */
  Map<String, List<QaReport>> qaByCandidate() {
    Map<String, List<QaReport>> copy = new LinkedHashMap<>();
    qaByCandidate.forEach((id, reports) -> copy.put(id, List.copyOf(reports)));
    return copy;
  }

  ShootEvidence evidence(ShootRequest request, List<CandidateView> candidates, Stage outcome) {
    List<ImageEvidence> images =
        candidates.stream()
            .map(CandidateView::candidate)
            .map(
                c -> {
                  List<QaReport> reports = qaByCandidate.getOrDefault(c.id(), List.of());
                  String by = selectedBy.get(c.id());
                  boolean contested =
                      by != null
                          && candidates.stream()
                              .map(CandidateView::candidate)
                              .anyMatch(
                                  o ->
                                      o.round() == c.round()
                                          && o.shot().equals(c.shot())
                                          && !o.provider().equals(c.provider()));
                  return new ImageEvidence(
                      c.id(),
                      c.round(),
                      c.shot(),
                      c.provider(),
                      c.model(),
                      c.costUsd(),
                      generationMillis.getOrDefault(c.id(), 0L),
                      checks(reports),
                      !reports.isEmpty() && reports.stream().allMatch(QaReport::passed),
                      by,
                      contested,
                      verdicts.get(c.id()));
                })
            .toList();
    var info = Workflow.getInfo();
    return new ShootEvidence(
        info.getWorkflowId(),
        info.getRunId(),
        request.product().sku(),
        request.catalogId(),
        ProductCategory.of(request.product()),
        outcome.name(),
        request.policy().bakeoff(),
        routing,
        images,
        failures);
  }

  /** Check name to passed, a check passing only when it passed on every finished image. */
  private static Map<String, Boolean> checks(List<QaReport> reports) {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    reports.stream()
        .flatMap(r -> r.checks().stream())
        .forEach(c -> checks.merge(c.name(), c.passed(), Boolean::logicalAnd));
    return checks;
  }
}
