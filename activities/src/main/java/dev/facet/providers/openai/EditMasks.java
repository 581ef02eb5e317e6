package dev.facet.providers.openai;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Turns Facet's product mask (white = product) into the mask the edits endpoint wants: a PNG whose
 * fully transparent pixels may be redone. The product stays opaque, the background is released.
 */
public final class EditMasks {

  private EditMasks() {}

  public static byte[] fromProductMask(byte[] productMaskPng) {
    try {
      BufferedImage mask = ImageIO.read(new ByteArrayInputStream(productMaskPng));
      if (mask == null) {
        throw new IllegalArgumentException("the product mask is not a readable image");
      }
      BufferedImage edit =
          new BufferedImage(mask.getWidth(), mask.getHeight(), BufferedImage.TYPE_INT_ARGB);
      for (int y = 0; y < mask.getHeight(); y++) {
        for (int x = 0; x < mask.getWidth(); x++) {
          boolean product = (mask.getRGB(x, y) & 0xff) >= 128;
          edit.setRGB(x, y, product ? 0xff000000 : 0x00000000);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(edit, "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
