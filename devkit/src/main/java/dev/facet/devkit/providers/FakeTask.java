package dev.facet.devkit.providers;

import java.awt.image.BufferedImage;
import java.time.Duration;

/** One BFL task of the fake: in progress until polled enough or old enough, then its outcome. */
final class FakeTask {

  /** A {@code get_result} status and, while running, a progress fraction. */
  record Status(String name, Double progress) {}

  private final String id;
  private final String model;
  private final FluxInput input;
  private final long submittedAt;
  private final String outcome;
  private final long seed;
  private final boolean metalShifted;
  private int polls;
  private Long finishedAt;
  private byte[] image;

  FakeTask(
      String id,
      String model,
      FluxInput input,
      long submittedAt,
      String outcome,
      long seed,
      boolean metalShifted) {
    this.metalShifted = metalShifted;
    this.id = id;
    this.model = model;
    this.input = input;
    this.submittedAt = submittedAt;
    this.outcome = outcome;
    this.seed = seed;
  }

  String id() {
    return id;
  }

  String model() {
    return model;
  }

  FluxInput input() {
    return input;
  }

  /** The terminal status it ends with. */
  String outcome() {
    return outcome;
  }

  long submittedAt() {
    return submittedAt;
  }

  /** Whether a poll found it still pending: its id had reached whoever polls it. */
  synchronized boolean polled() {
    return polls > 0;
  }

  synchronized long finishedAt() {
    return finishedAt == null ? submittedAt : finishedAt;
  }

  /** Whether it still occupies one of the account's active-task slots. */
  synchronized boolean active(long now, Duration generationTime) {
    if (finishedAt == null && now - submittedAt >= generationTime.toMillis()) {
      finishedAt = submittedAt + generationTime.toMillis();
    }
    return finishedAt == null;
  }

  synchronized Status poll(long now, int pendingPolls, Duration generationTime, String unknown) {
    if (active(now, generationTime)) {
      if (polls < pendingPolls) {
        polls++;
        boolean odd = unknown != null && polls % 2 == 0;
        return new Status(odd ? unknown : "Pending", polls / (double) (pendingPolls + 1));
      }
      finishedAt = now;
    }
    return new Status(outcome, null);
  }

  /** Ends it now (a webhook delivery), unless it already ended. */
  synchronized Status finish(long now) {
    if (finishedAt == null) {
      finishedAt = now;
    }
    return new Status(outcome, null);
  }

  /** The result, made on first download. */
  synchronized byte[] image() {
    if (image == null) {
      BufferedImage picture =
          input.inputImage() == null
              ? FakeImages.render(input.width(), input.height(), seed)
              : FakeImages.derive(input.inputImage(), input.width(), input.height(), seed);
      image =
          FakeImages.encode(
              metalShifted ? FakeImages.shiftMetal(picture) : picture, input.outputFormat());
    }
    return image;
  }
}
