package dev.facet.shoot;

import dev.facet.model.ChannelImage;
import dev.facet.model.Charge;
import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.model.ShotPrompt;
import dev.facet.routing.RoutingDecision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a reviewer or operator needs to know about a shoot, returned by the {@code state}
 * query.
 *
 * @param attempts every step invocation with its attempt count and outcome
 * @param fallbacks variants that moved to another provider or a softened prompt, and why
 * @param alerts what an operator must act on (refused credentials, spent credit, spent budget)
 * @param routing which provider the shoot started with, by which rule and numbers; null when the
 *     policy has no routing
 * @param candidateQa the QA of every judged candidate by id: in a bake-off each provider's best
 *     candidate per shot, so reviewers compare providers on the same checks
 * @param costUsd what the providers would bill: the ledger's total
 * @param charges the ledger: every request a provider may have charged for, billed or maybe billed,
 *     delivered or lost
 * @param spend the ledger summed per provider: paid and delivered, paid and lost
 */
public record ShootState(
    String sku,
    String catalogId,
    Stage stage,
    String stageWords,
    boolean awaitingHuman,
    int round,
    int maxRounds,
    ShootPolicy policy,
    List<Reference> references,
    List<ShotPrompt> prompts,
    List<CandidateView> candidates,
    Map<String, String> selections,
    List<ChannelImage> outputs,
    List<QaReport> qa,
    List<Attempt> attempts,
    List<Fallback> fallbacks,
    List<String> alerts,
    List<AuditEntry> audit,
    double costUsd,
    ImageRef manifest,
    String failure,
    RoutingDecision routing,
    Map<String, List<QaReport>> candidateQa,
    List<Charge> charges,
    List<ProviderSpend> spend) {

  public ShootState {
    charges = charges == null ? List.of() : List.copyOf(charges);
    spend = spend == null ? List.of() : List.copyOf(spend);
  }

  /** A state without routing or per-candidate QA. */
  public ShootState(
      String sku,
      String catalogId,
      Stage stage,
      String stageWords,
      boolean awaitingHuman,
      int round,
      int maxRounds,
      ShootPolicy policy,
      List<Reference> references,
      List<ShotPrompt> prompts,
      List<CandidateView> candidates,
      Map<String, String> selections,
      List<ChannelImage> outputs,
      List<QaReport> qa,
      List<Attempt> attempts,
      List<Fallback> fallbacks,
      List<String> alerts,
      List<AuditEntry> audit,
      double costUsd,
      ImageRef manifest,
      String failure) {
    this(
        sku,
        catalogId,
        stage,
        stageWords,
        awaitingHuman,
        round,
        maxRounds,
        policy,
        references,
        prompts,
        candidates,
        selections,
        outputs,
        qa,
        attempts,
        fallbacks,
        alerts,
        audit,
        costUsd,
        manifest,
        failure,
        null,
        Map.of(),
        List.of(),
        List.of());
  }

  /** Candidate ids by provider, in the order made: how reviewers see a bake-off grouped. */
  public Map<String, List<String>> candidatesByProvider() {
    Map<String, List<String>> byProvider = new LinkedHashMap<>();
    candidates.forEach(
        v ->
            byProvider
                .computeIfAbsent(v.candidate().provider(), p -> new ArrayList<>())
                .add(v.candidate().id()));
    return byProvider;
  }
}
