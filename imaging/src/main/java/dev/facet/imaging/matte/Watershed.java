package dev.facet.imaging.matte;

import java.util.Arrays;

/**
 * Seeded watershed on an elevation map: every unlabelled pixel takes the label of the seed that
 * floods it first, flooding in order of elevation, so two floods meet on the highest ridge between
 * them. A bucket queue over 256 elevation levels makes it linear in the number of pixels.
 */
final class Watershed {

  private static final int LEVELS = 256;

  private Watershed() {}

  /**
   * @param labels seeds (> 0) and unlabelled pixels (0), filled in place
   * @param elevation per pixel, 0..1 (higher is harder to cross)
   */
  static void flood(int width, int height, int[] labels, float[] elevation) {
    int n = width * height;
    int[][] buckets = new int[LEVELS][];
    int[] sizes = new int[LEVELS], heads = new int[LEVELS];
    boolean[] queued = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (labels[i] > 0)
        enqueueNeighbours(i, 0, width, height, labels, elevation, queued, buckets, sizes);
    }
    for (int level = 0; level < LEVELS; level++) {
      // The water stands at this level: what it reaches lower down is flooded at this level too.
      // First in, first out within a level, so floods meet halfway across a plateau.
      while (heads[level] < sizes[level]) {
        int i = buckets[level][heads[level]++];
        labels[i] = neighbourLabel(i, width, height, labels);
        enqueueNeighbours(i, level, width, height, labels, elevation, queued, buckets, sizes);
      }
      buckets[level] = null;
    }
  }

  private static int neighbourLabel(int i, int width, int height, int[] labels) {
    int x = i % width, y = i / width;
    if (x > 0 && labels[i - 1] > 0) return labels[i - 1];
    if (x < width - 1 && labels[i + 1] > 0) return labels[i + 1];
    if (y > 0 && labels[i - width] > 0) return labels[i - width];
    return labels[i + width];
  }

  private static void enqueueNeighbours(
      int i,
      int water,
      int width,
      int height,
      int[] labels,
      float[] elevation,
      boolean[] queued,
      int[][] buckets,
      int[] sizes) {
    int x = i % width, y = i / width;
    if (x > 0) enqueue(i - 1, water, labels, elevation, queued, buckets, sizes);
    if (x < width - 1) enqueue(i + 1, water, labels, elevation, queued, buckets, sizes);
    if (y > 0) enqueue(i - width, water, labels, elevation, queued, buckets, sizes);
    if (y < height - 1) enqueue(i + width, water, labels, elevation, queued, buckets, sizes);
  }

  private static void enqueue(
      int j,
      int water,
      int[] labels,
      float[] elevation,
      boolean[] queued,
      int[][] buckets,
      int[] sizes) {
    if (labels[j] > 0 || queued[j]) return;
    queued[j] = true;
    int level = Math.max(water, Math.min(LEVELS - 1, (int) (elevation[j] * (LEVELS - 1))));
    if (buckets[level] == null) buckets[level] = new int[1024];
    if (sizes[level] == buckets[level].length)
      buckets[level] = Arrays.copyOf(buckets[level], sizes[level] * 2);
    buckets[level][sizes[level]++] = j;
  }
}
