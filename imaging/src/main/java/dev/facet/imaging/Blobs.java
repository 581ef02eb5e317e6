package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The connected parts (4-connected) of a boolean map of a square {@link ProductView}: their sizes,
 * boxes and labels, largest first. What QA reports as evidence: where something is missing, added,
 * left behind.
 */
record Blobs(List<Blob> parts, int[] labels) {

  /** One part: its size, bounding box, and its label in {@link #labels}. */
  record Blob(int size, int x, int y, int width, int height, int label) {}

  static Blobs of(boolean[] bits, int side) {
    int[] labels = new int[bits.length];
    List<Blob> parts = new ArrayList<>();
    int[] stack = new int[bits.length];
    for (int start = 0; start < bits.length; start++) {
      if (!bits[start] || labels[start] != 0) continue;
      int label = parts.size() + 1, top = 0, size = 0;
      int x0 = side, y0 = side, x1 = -1, y1 = -1;
      stack[top++] = start;
      labels[start] = label;
      while (top > 0) {
        int i = stack[--top], x = i % side, y = i / side;
        size++;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
        int[] next = {
          x > 0 ? i - 1 : -1,
          x < side - 1 ? i + 1 : -1,
          y > 0 ? i - side : -1,
          y < side - 1 ? i + side : -1
        };
        for (int j : next) {
          if (j >= 0 && bits[j] && labels[j] == 0) {
            labels[j] = label;
            stack[top++] = j;
          }
        }
      }
      parts.add(new Blob(size, x0, y0, x1 - x0 + 1, y1 - y0 + 1, label));
    }
    parts.sort(Comparator.comparingInt(Blob::size).reversed());
    return new Blobs(List.copyOf(parts), labels);
  }

  /** Per part (by label), the share of its pixels where {@code flag} holds. */
  double[] share(boolean[] flag) {
    int[] hits = new int[parts.size() + 1], sizes = new int[parts.size() + 1];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == 0) continue;
      sizes[labels[i]]++;
      if (flag[i]) hits[labels[i]]++;
    }
    double[] out = new double[parts.size() + 1];
    for (int l = 1; l < out.length; l++) out[l] = (double) hits[l] / Math.max(1, sizes[l]);
    return out;
  }

  int largest() {
    return parts.isEmpty() ? 0 : parts.get(0).size();
  }

  /**
   * Boxes in the photo of the parts of at least {@code minSize} pixels, at most {@code max} of
   * them.
   */
  List<Box> inPhoto(ProductView view, int minSize, int max) {
    return parts.stream()
        .filter(b -> b.size() >= minSize)
        .limit(max)
        .map(b -> view.inPhoto(b.x(), b.y(), b.width(), b.height()))
        .toList();
  }
}
