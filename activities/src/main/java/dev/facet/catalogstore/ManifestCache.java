package dev.facet.catalogstore;

import dev.facet.manifest.Manifest;
import dev.facet.manifest.ManifestReader;
import dev.facet.model.ImageRef;
import dev.facet.storage.MissingObjectException;
import dev.facet.storage.ObjectStore;
import dev.facet.storage.RecentlyUsed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Parsed manifests, so a catalog of 10,000 products is downloaded and parsed once rather than once
 * per page. Entries are keyed by object key and content digest: a manifest replaced under the same
 * key (a catalog id run again) is read afresh. The least recently used entry goes first.
 */
final class ManifestCache {

  static final int CAPACITY = 16;

  private final ObjectStore store;
  private final Map<String, Manifest> parsed = new RecentlyUsed<>(CAPACITY);

  ManifestCache(ObjectStore store) {
    this.store = store;
  }

  /**
   * @throws MissingObjectException when there is no object under {@code key}
   */
  Manifest get(String key) {
    ImageRef stored =
        store.find(key).orElseThrow(() -> new MissingObjectException(store.bucket(), key));
    if (stored.sha256().isEmpty()) {
      // Put there by some other tool, without Facet's digest: no safe cache key.
      return parse(key);
    }
    String cacheKey = key + "@" + stored.sha256();
    synchronized (parsed) {
      Manifest manifest = parsed.get(cacheKey);
      if (manifest != null) {
        return manifest;
      }
    }
    byte[] bytes = store.get(key);
    Manifest manifest = parse(key, bytes);
    synchronized (parsed) {
      // Under the digest of what was read, which differs from the one above if it was replaced.
      parsed.put(key + "@" + sha256(bytes), manifest);
    }
    return manifest;
  }

  private Manifest parse(String key) {
    return parse(key, store.get(key));
  }

  private static Manifest parse(String key, byte[] bytes) {
    return ManifestReader.read(key, new String(bytes, StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
