package dev.facet.shoot;

import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.model.ShotPrompt;
import java.util.List;
import java.util.Map;

/**
 * Everything a reviewer or operator needs to know about a shoot, returned by the {@code state}
 * query.
 *
 * @param attempts every step invocation with its attempt count and outcome
 * @param fallbacks variants that moved to another provider or a softened prompt, and why
 * @param alerts what an operator must act on (refused credentials, spent credit, spent budget)
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
    String failure) {}
