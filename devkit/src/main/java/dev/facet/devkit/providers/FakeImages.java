package dev.facet.devkit.providers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The pictures the fake returns: real, decodable images of the requested size. An edit returns the
 * input photo re-framed with a warmer tone; a text-to-image call renders a ring on a gradient. Both
 * depend only on their inputs and the seed.
 */
final class FakeImages {

  /**
   * A 64x64 lossless WebP (made with Pillow): the JDK cannot encode WebP, so WebP requests get this
   * fixed picture whatever size they asked for.
   */
  private static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRiQAAABXRUJQVlA4TBcAAAAvP8APAAdQ8rLXuv8BICH8f69F9D/1AwA=");

  private FakeImages() {}

  static Optional<BufferedImage> decode(byte[] bytes) {
    try {
      return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The source photo, cropped to the target's aspect, scaled, warmed slightly. */
  static BufferedImage derive(BufferedImage source, int width, int height, long seed) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    double scale =
        Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
    int drawnWidth = (int) Math.ceil(source.getWidth() * scale);
    int drawnHeight = (int) Math.ceil(source.getHeight() * scale);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(
        source,
        (width - drawnWidth) / 2,
        (height - drawnHeight) / 2,
        drawnWidth,
        drawnHeight,
        null);
    g.dispose();
    int lift = new Random(seed).nextInt(7); // variants differ a little, reruns not at all
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = out.getRGB(x, y);
        int r = clamp((int) (((rgb >> 16) & 0xff) * 1.04) + 6 + lift);
        int gr = clamp((int) (((rgb >> 8) & 0xff) * 1.01) + 2 + lift);
        int b = clamp((int) ((rgb & 0xff) * 0.95) + lift);
        out.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return out;
  }

  /** A gold ring on a soft studio gradient. */
  static BufferedImage render(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(
        new GradientPaint(0, 0, new Color(250, 248, 245), 0, height, new Color(214, 210, 204)));
    g.fillRect(0, 0, width, height);
    int side = Math.min(width, height);
    int ring = side / 2 + random.nextInt(Math.max(1, side / 10));
    int x = (width - ring) / 2 + random.nextInt(Math.max(1, side / 20));
    int y = (height - ring) / 2 + random.nextInt(Math.max(1, side / 20));
    g.setStroke(new BasicStroke(Math.max(2, side / 24f)));
    g.setColor(new Color(201, 162, 74));
    g.drawOval(x, y, ring, ring / 3);
    g.setColor(new Color(240, 240, 255));
    g.fillOval(x + ring / 2 - side / 30, y - side / 30, side / 15, side / 15);
    g.dispose();
    return out;
  }

  /**
   * The defect a provider with a metal-tone problem makes: the metal's hue turned (gold comes out
   * steel blue, silver stays near grey) while the white backdrop and the shape stay as they were.
   */
  static BufferedImage shiftMetal(BufferedImage image) {
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        out.setRGB(x, y, (b << 16) | (g << 8) | r); // red and blue swapped
      }
    }
    return out;
  }

  /** Encodes for {@code output_format}: {@code png}, {@code jpeg} or {@code webp}. */
  static byte[] encode(BufferedImage image, String format) {
    if (format.equals("webp")) {
      return WEBP.clone();
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format.equals("jpeg") ? "jpg" : "png", out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String mediaType(String format) {
    return "image/" + format;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
