package dev.facet.app.run;

import dev.facet.app.uploads.IncomingPhoto;
import dev.facet.app.uploads.PhotoUploads;
import dev.facet.app.uploads.RejectedUploadException;
import dev.facet.manifest.ManifestWriter;
import dev.facet.model.ReferencePhoto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Uploads every product's photos, the same way {@code POST /api/uploads} does, and writes the
 * catalog's manifest with their object keys. A product whose photos are refused stays out of the
 * catalog and is reported with the reason. {@link #check} says which would be, storing nothing.
 */
final class CatalogUpload {

  /** A product left out, and why. */
  record Refused(String sku, String reason) {}

  /**
   * @param manifest the JSON manifest of the products whose photos are stored, in file order
   */
  record Uploaded(byte[] manifest, int products, List<Refused> refused) {}

  private final PhotoUploads uploads;

  CatalogUpload(PhotoUploads uploads) {
    this.uploads = uploads;
  }

  Uploaded upload(CatalogFile catalog) {
    List<ManifestWriter.Product> stored = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (CatalogProduct product : catalog.products()) {
      try {
        List<ReferencePhoto> photos =
            uploads.store(read(product.photos())).stream()
                .map(photo -> new ReferencePhoto(photo.key(), photo.angle()))
                .toList();
        stored.add(new ManifestWriter.Product(product.spec(), photos, product.overrides()));
      } catch (RejectedUploadException | UncheckedIOException e) {
        refused.add(new Refused(product.sku(), e.getMessage()));
      }
    }
    return new Uploaded(ManifestWriter.json(catalog.id(), stored), stored.size(), refused);
  }

  /** The products whose photos {@link #upload} would refuse, and why; stores nothing. */
  List<Refused> check(CatalogFile catalog) {
    List<Refused> refused = new ArrayList<>();
    for (CatalogProduct product : catalog.products()) {
      try {
        uploads.check(read(product.photos()));
      } catch (RejectedUploadException | UncheckedIOException e) {
        refused.add(new Refused(product.sku(), e.getMessage()));
      }
    }
    return refused;
  }

  private static List<IncomingPhoto> read(List<PhotoFile> photos) {
    List<IncomingPhoto> incoming = new ArrayList<>();
    for (PhotoFile photo : photos) {
      try {
        incoming.add(
            new IncomingPhoto(
                photo.path().getFileName().toString(),
                Files.readAllBytes(photo.path()),
                photo.angle()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + photo.path(), e);
      }
    }
    return incoming;
  }
}
