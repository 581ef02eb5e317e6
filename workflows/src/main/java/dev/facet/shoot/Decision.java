package dev.facet.shoot;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.facet.model.ShotSpec;
import java.util.List;
import java.util.Map;

/**
 * A reviewer's decision, sent as the {@code decision} signal or the {@code decide} update.
 *
 * <pre>
 * {"action":"select","selections":{"hero":"r1-hero-v2","profile":"r1-profile-v1"},"reviewer":"ana"}
 * {"action":"approve","reviewer":"ana"}
 * {"action":"reject","notes":"band looks too pink","redoShots":["hero"],"reviewer":"ana"}
 * </pre>
 *
 * @param action what the reviewer decided
 * @param selections for {@code select}: shot name to candidate id, one per shot awaiting selection
 * @param notes for {@code reject}: feedback for the next round's prompts
 * @param redoShots for {@code reject}: shots to make again; all shots when empty
 * @param reviewer who decided, for the audit trail
 * @param round optional guard: the decision only applies to this round
 */
public record Decision(
    Action action,
    Map<String, String> selections,
    String notes,
    List<String> redoShots,
    String reviewer,
    Integer round) {

  public enum Action {
    @JsonProperty("select")
    SELECT,
    @JsonProperty("approve")
    APPROVE,
    @JsonProperty("reject")
    REJECT
  }

  public Decision {
    selections = selections == null ? Map.of() : Map.copyOf(selections);
    notes = notes == null ? "" : notes;
    redoShots = redoShots == null ? List.of() : List.copyOf(redoShots);
    reviewer = reviewer == null || reviewer.isBlank() ? "anonymous" : reviewer;
  }

  /** The same decision, recorded as made by {@code reviewer}. */
  public Decision by(String reviewer) {
    return new Decision(action, selections, notes, redoShots, reviewer, round);
  }

  /** The shots a reject sends back: those it names, or all of {@code shots} when it names none. */
  List<ShotSpec> shotsToRedo(List<ShotSpec> shots) {
    return redoShots.isEmpty()
        ? shots
        : shots.stream().filter(shot -> redoShots.contains(shot.name())).toList();
  }

  public static Decision select(Map<String, String> selections, String reviewer) {
    return new Decision(Action.SELECT, selections, null, null, reviewer, null);
  }

  public static Decision approve(String reviewer) {
    return new Decision(Action.APPROVE, null, null, null, reviewer, null);
  }

  public static Decision reject(String notes, List<String> redoShots, String reviewer) {
    return new Decision(Action.REJECT, null, notes, redoShots, reviewer, null);
  }
}
