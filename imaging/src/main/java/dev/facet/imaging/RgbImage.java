package dev.facet.imaging;

import dev.facet.model.Box;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * An 8-bit sRGB image as one packed {@code 0xRRGGBB} int per pixel, row by row. Every imaging step
 * works on this array directly: no per-pixel calls through {@link BufferedImage}.
 */
public final class RgbImage {

  private final int width;
  private final int height;
  private final int[] pixels;

  public RgbImage(int width, int height, int[] pixels) {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          "pixels must hold " + width + "x" + height + " values, has " + pixels.length);
    }
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  public static RgbImage filled(int width, int height, int rgb) {
    int[] pixels = new int[width * height];
    Arrays.fill(pixels, rgb & 0xFFFFFF);
    return new RgbImage(width, height, pixels);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The backing array, shared, not copied. */
  public int[] pixels() {
    return pixels;
  }

  public int rgb(int x, int y) {
    return pixels[y * width + x];
  }

  public int longSide() {
    return Math.max(width, height);
  }

  public RgbImage crop(Box box) {
    int[] out = new int[box.width() * box.height()];
    for (int y = 0; y < box.height(); y++) {
      System.arraycopy(pixels, (box.y() + y) * width + box.x(), out, y * box.width(), box.width());
    }
    return new RgbImage(box.width(), box.height(), out);
  }

  public RgbImage mirrored() {
    int[] out = new int[pixels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out[y * width + x] = pixels[y * width + (width - 1 - x)];
      }
    }
    return new RgbImage(width, height, out);
  }

  /** A {@code TYPE_INT_RGB} view over the same array, for the ImageIO encoders. */
  public BufferedImage toBufferedImage() {
    DirectColorModel model = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
    SinglePixelPackedSampleModel sampleModel =
        new SinglePixelPackedSampleModel(
            java.awt.image.DataBuffer.TYPE_INT, width, height, new int[] {0xFF0000, 0xFF00, 0xFF});
    WritableRaster raster =
        Raster.createWritableRaster(sampleModel, new DataBufferInt(pixels, pixels.length), null);
    return new BufferedImage(model, raster, false, null);
  }

  public static int red(int rgb) {
    return (rgb >> 16) & 0xFF;
  }

  public static int green(int rgb) {
    return (rgb >> 8) & 0xFF;
  }

  public static int blue(int rgb) {
    return rgb & 0xFF;
  }

  public static int pack(int r, int g, int b) {
    return (clamp8(r) << 16) | (clamp8(g) << 8) | clamp8(b);
  }

  public static int clamp8(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /** Parses {@code #rrggbb}. */
  public static int parseHex(String hex) {
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    if (h.length() != 6) {
      throw new IllegalArgumentException("colour must be #rrggbb, was " + hex);
    }
    return Integer.parseInt(h, 16);
  }
}
