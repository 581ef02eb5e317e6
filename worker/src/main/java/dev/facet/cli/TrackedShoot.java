package dev.facet.cli;

import dev.facet.catalog.CatalogProduct;
import dev.facet.client.ShootStarted;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** One product of a {@code run}, as far as the command has followed it. */
final class TrackedShoot {

  private final CatalogProduct product;
  private final Instant since;
  private final Set<String> explained = new HashSet<>();
  private ShootStarted started;
  private CompletableFuture<ShootResult> result;
  private ShootState state;
  private String note = "waiting to start";
  private ShootResult outcome;
  private String failure;
  private Instant finishedAt;

  TrackedShoot(CatalogProduct product, Instant since) {
    this.product = product;
    this.since = since;
  }

  String sku() {
    return product.spec().sku();
  }

  CatalogProduct product() {
    return product;
  }

  void started(ShootStarted started, CompletableFuture<ShootResult> result, String note) {
    this.started = started;
    this.result = result;
    this.note = note;
  }

  Optional<ShootStarted> startedShoot() {
    return Optional.ofNullable(started);
  }

  Optional<CompletableFuture<ShootResult>> result() {
    return Optional.ofNullable(result);
  }

  void observed(ShootState state) {
    this.state = state;
  }

  Optional<ShootState> state() {
    return Optional.ofNullable(state);
  }

  void note(String note) {
    this.note = note;
  }

  String note() {
    return note;
  }

  void finished(ShootResult outcome, Instant at) {
    this.outcome = outcome;
    this.failure = outcome.failure();
    this.finishedAt = at;
  }

  void failed(String failure, Instant at) {
    this.failure = failure;
    this.finishedAt = at;
  }

  boolean isFinished() {
    return finishedAt != null;
  }

  Optional<ShootResult> outcome() {
    return Optional.ofNullable(outcome);
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure).filter(f -> !f.isBlank());
  }

  /** Published, and its images copied out. */
  boolean published() {
    return outcome != null && outcome.outcome() == Stage.PUBLISHED && failure().isEmpty();
  }

  void exportFailed(String failure) {
    this.failure = failure;
  }

  Duration elapsed(Instant now) {
    return Duration.between(since, finishedAt != null ? finishedAt : now);
  }

  /** True the first time a waiting stage of a round is seen, so its instructions print once. */
  boolean firstSight(Stage stage, int round) {
    return explained.add(stage + "@" + round);
  }
}
