package dev.facet.app.run;

import dev.facet.model.ChannelImage;
import dev.facet.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a product's finished images to {@code <out>/<sku>/<shot>-<channel>.<ext>}. Names are
 * reduced to path-safe characters: shot and channel names come from the style guide and policy,
 * which a client may have chosen.
 */
final class ImageExport {

  private final ObjectStore store;
  private final Path out;

  ImageExport(ObjectStore store, Path out) {
    this.store = store;
    this.out = out;
  }

  List<ExportedImage> export(String sku, List<ChannelImage> finals) {
    List<ExportedImage> exported = new ArrayList<>();
    for (ChannelImage image : finals) {
      Path file =
          out.resolve(safe(sku))
              .resolve(
                  safe(image.shot())
                      + "-"
                      + safe(image.channel())
                      + "."
                      + extension(image.image().mediaType()));
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, store.get(image.image().key()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file, e);
      }
      exported.add(
          new ExportedImage(
              sku,
              image.shot(),
              image.channel(),
              file,
              image.image().width(),
              image.image().height()));
    }
    return exported;
  }

  static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
  }

  static String extension(String mediaType) {
    return switch (mediaType == null ? "" : mediaType) {
      case "image/jpeg" -> "jpg";
      case "image/png" -> "png";
      case "image/webp" -> "webp";
      default -> "bin";
    };
  }
}
