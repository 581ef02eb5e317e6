package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.Optional;

/** A binary image, {@code true} = product. Same pixel order as {@link RgbImage}. */
public final class Mask {

  private final int width;
  private final int height;
  private final boolean[] bits;

  public Mask(int width, int height, boolean[] bits) {
    if (bits.length != width * height) {
      throw new IllegalArgumentException("bits must hold " + width + "x" + height + " values");
    }
    this.width = width;
    this.height = height;
    this.bits = bits;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The backing array, shared, not copied. */
  public boolean[] bits() {
    return bits;
  }

  public boolean get(int x, int y) {
    return bits[y * width + x];
  }

  public int count() {
    int n = 0;
    for (boolean b : bits) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  /** The tight bounding box of the product pixels, empty when there are none. */
  public Optional<Box> box() {
    int minX = width, minY = height, maxX = -1, maxY = -1;
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        if (bits[row + x]) {
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          maxY = y;
        }
      }
    }
    return maxX < 0
        ? Optional.empty()
        : Optional.of(new Box(minX, minY, maxX - minX + 1, maxY - minY + 1));
  }

  /**
   * Longest side of the bounding box over the frame side it lies along (the fixtures' and Amazon's
   * convention); 0 for an empty mask.
   */
  public double fill() {
    return box().map(b -> fill(b, width, height)).orElse(0.0);
  }

  public static double fill(Box box, int frameWidth, int frameHeight) {
    return box.width() >= box.height()
        ? (double) box.width() / frameWidth
        : (double) box.height() / frameHeight;
  }

  /** Intersection over union with a mask of the same size. */
  public double iou(Mask other) {
    requireSameSize(other);
    int inter = 0, union = 0;
    for (int i = 0; i < bits.length; i++) {
      boolean a = bits[i], b = other.bits[i];
      if (a && b) inter++;
      if (a || b) union++;
    }
    return union == 0 ? 1.0 : (double) inter / union;
  }

  public Mask crop(Box box) {
    boolean[] out = new boolean[box.width() * box.height()];
    for (int y = 0; y < box.height(); y++) {
      System.arraycopy(bits, (box.y() + y) * width + box.x(), out, y * box.width(), box.width());
    }
    return new Mask(box.width(), box.height(), out);
  }

  /** Whether any product pixel lies within {@code band} pixels of the frame edge. */
  public boolean touchesBorder(int band) {
    for (int y = 0; y < height; y++) {
      boolean edgeRow = y < band || y >= height - band;
      int row = y * width;
      for (int x = 0; x < width; x++) {
        if (bits[row + x] && (edgeRow || x < band || x >= width - band)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Nearest-neighbour resize, for carrying a mask computed at working size back to full size. */
  public Mask resized(int newWidth, int newHeight) {
    if (newWidth == width && newHeight == height) {
      return this;
    }
    boolean[] out = new boolean[newWidth * newHeight];
    for (int y = 0; y < newHeight; y++) {
      int sy = Math.min(height - 1, (int) ((y + 0.5) * height / newHeight));
      for (int x = 0; x < newWidth; x++) {
        int sx = Math.min(width - 1, (int) ((x + 0.5) * width / newWidth));
        out[y * newWidth + x] = bits[sy * width + sx];
      }
    }
    return new Mask(newWidth, newHeight, out);
  }

  private void requireSameSize(Mask other) {
    if (other.width != width || other.height != height) {
      throw new IllegalArgumentException(
          "masks differ in size: "
              + width
              + "x"
              + height
              + " vs "
              + other.width
              + "x"
              + other.height);
    }
  }
}
