package dev.facet.devkit.providers;

import java.util.Random;

/**
 * An injected defect rate: the share of a fake provider's images that come out with a shifted metal
 * tone ({@link FakeImages#shiftMetal}). Draws are seeded, so a run repeats.
 */
final class MetalShift {

  private final Random draws;
  private volatile double rate;

  MetalShift(long seed) {
    this.draws = new Random(seed ^ 0x5EEDL);
  }

  void rate(double probability) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("a defect rate is 0..1, was " + probability);
    }
    this.rate = probability;
  }

  /** Whether the next image is defective. */
  synchronized boolean next() {
    return rate > 0 && draws.nextDouble() < rate;
  }
}
