package dev.facet.app.run;

import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** One started product of the followed catalog, as far as its shoot's state has been seen. */
final class TrackedProduct {

  private final String sku;
  private final Instant since;
  private final Set<String> explained = new HashSet<>();
  private ShootState state;
  private Instant observedAt = Instant.EPOCH;

  TrackedProduct(String sku, Instant since) {
    this.sku = sku;
    this.since = since;
  }

  String sku() {
    return sku;
  }

  Instant since() {
    return since;
  }

  void observed(ShootState state, Instant at) {
    this.state = state;
    this.observedAt = at;
  }

  /** Looked at without an answer (not started yet, or not answering): ask the others first. */
  void skipped(Instant at) {
    this.observedAt = at;
  }

  Instant observedAt() {
    return observedAt;
  }

  Optional<ShootState> state() {
    return Optional.ofNullable(state);
  }

  boolean finished() {
    return state != null && state.stage().finished();
  }

  /** True the first time a waiting stage of a round is seen, so its instructions print once. */
  boolean firstSight(Stage stage, int round) {
    return explained.add(stage + "@" + round);
  }
}
