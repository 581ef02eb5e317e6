package dev.facet.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Images for tests: small drawn ones where the content does not matter, and the project's fixture
 * photos where it must pass the reference-photo validator.
 */
public final class TestImages {

  private TestImages() {}

  /** A seller-style fixture photo (JPEG) that passes validation, e.g. "P01_capture_1.jpg". */
  public static byte[] photo(String name) {
    return Fixtures.bytes(name);
  }

  /** The same photo re-encoded as PNG. */
  public static byte[] photoAsPng(String name) {
    try {
      BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(photo(name)));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] jpeg(int width, int height) {
    return encode(width, height, "jpg");
  }

  public static byte[] png(int width, int height) {
    return encode(width, height, "png");
  }

  private static byte[] encode(int width, int height, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(222, 180, 90));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
