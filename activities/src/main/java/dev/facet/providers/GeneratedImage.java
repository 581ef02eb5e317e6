package dev.facet.providers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Image bytes a provider returned, checked to be an image: its format and pixel size are read from
 * the header, so a corrupt payload fails here instead of in a later step.
 */
public record GeneratedImage(byte[] bytes, String mediaType, int width, int height) {

  /** Reads format and size, or empty when the bytes are no PNG or JPEG. */
  public static Optional<GeneratedImage> read(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      while (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          reader.setInput(in);
          String format = reader.getFormatName().toLowerCase();
          String mediaType =
              format.contains("png") ? "image/png" : format.contains("jp") ? "image/jpeg" : null;
          if (mediaType != null) {
            return Optional.of(
                new GeneratedImage(bytes, mediaType, reader.getWidth(0), reader.getHeight(0)));
          }
        } finally {
          reader.dispose();
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
