package dev.facet.catalogstore;

import dev.facet.manifest.ManifestEntry;
import dev.facet.manifest.PhotoReference;
import dev.facet.storage.ObjectStore;
import java.util.List;

/** The rule for manifests whose photos are object keys: every key names a stored object. */
public final class StoredPhotos {

  private StoredPhotos() {}

  /** One problem per photo of {@code entry} that is not in the store. */
  public static List<String> problems(ObjectStore store, ManifestEntry entry) {
    return entry.photos().stream()
        .map(PhotoReference::reference)
        .filter(key -> !key.isEmpty() && store.find(key).isEmpty())
        .map(
            key ->
                "photo '"
                    + key
                    + "' is not in the object store; upload it with POST /api/uploads and use"
                    + " the key it answers")
        .toList();
  }
}
