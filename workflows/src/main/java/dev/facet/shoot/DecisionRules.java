package dev.facet.shoot;

import dev.facet.model.ShotSpec;
import java.util.List;
import java.util.Locale;

/**
 * When a reviewer's decision can apply. The {@code decide} update's validator answers with these
 * reasons; the {@code decision} signal records them in the audit trail.
 */
final class DecisionRules {

  private DecisionRules() {}

  /**
   * Why {@code decision} cannot apply now, or null when it can.
   *
   * @param pending a decision already accepted for this step and not yet acted on, or null
   * @param shots every shot of the shoot's style guide
   */
  static String problemWith(
      Decision decision, Stage stage, Decision pending, ShootRecord record, List<ShotSpec> shots) {
    if (decision == null || decision.action() == null) {
      return "a decision needs an action: select, approve or reject";
    }
    if (stage.finished()) {
      return "the shoot has already finished: " + stage.words();
    }
    if (pending != null) {
      return "a decision was already taken for this step ("
          + pending.action().name().toLowerCase(Locale.ROOT)
          + " by "
          + pending.reviewer()
          + ")";
    }
    if (decision.round() != null && decision.round() != record.round()) {
      return "the decision is for round "
          + decision.round()
          + " but the shoot is in round "
          + record.round();
    }
    return switch (decision.action()) {
      case SELECT ->
          stage == Stage.AWAITING_SELECTION
              ? problemWithSelection(decision, record)
              : "the shoot is not waiting for a selection; it is " + stage.words();
      case APPROVE, REJECT ->
          stage == Stage.AWAITING_APPROVAL
              ? unknownShots(decision.redoShots(), shots)
              : "the shoot is not waiting for approval; it is " + stage.words();
    };
  }

  private static String problemWithSelection(Decision decision, ShootRecord record) {
    for (ShotSpec shot : record.shotsInRound()) {
      String id = decision.selections().get(shot.name());
      if (id == null) {
        return "select one candidate for shot '"
            + shot.name()
            + "' (selections is a map of shot to candidate id)";
      }
      CandidateView chosen = record.candidate(id);
      if (chosen == null
          || chosen.candidate().round() != record.round()
          || !chosen.candidate().shot().equals(shot.name())) {
        return "'"
            + id
            + "' is not a candidate of shot '"
            + shot.name()
            + "' in round "
            + record.round()
            + "; choose one of "
            + record.roundCandidates().stream()
                .filter(v -> v.candidate().shot().equals(shot.name()))
                .map(v -> v.candidate().id())
                .toList();
      }
    }
    List<String> extra =
        decision.selections().keySet().stream()
            .filter(s -> record.shotsInRound().stream().noneMatch(shot -> shot.name().equals(s)))
            .toList();
    return extra.isEmpty() ? null : "shots " + extra + " are not awaiting selection";
  }

  private static String unknownShots(List<String> named, List<ShotSpec> shots) {
    List<String> unknown =
        named.stream()
            .filter(s -> shots.stream().noneMatch(shot -> shot.name().equals(s)))
            .toList();
    return unknown.isEmpty()
        ? null
        : "unknown shots "
            + unknown
            + "; this shoot has "
            + shots.stream().map(ShotSpec::name).toList();
  }
}
