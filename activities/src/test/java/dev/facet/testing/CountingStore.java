package dev.facet.testing;

import dev.facet.model.ImageRef;
import dev.facet.storage.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that counts downloads, in all and per key, to prove what is read again and what is not.
 */
public record CountingStore(ObjectStore store, AtomicInteger downloads, Map<String, Integer> reads)
    implements ObjectStore {

  public CountingStore(ObjectStore store) {
    this(store, new AtomicInteger());
  }

  public CountingStore(ObjectStore store, AtomicInteger downloads) {
    this(store, downloads, new ConcurrentHashMap<>());
  }

  /** The reads per key since the last call, and a fresh count from here. */
  public Map<String, Integer> readsSinceLast() {
    synchronized (reads) {
      Map<String, Integer> out = new TreeMap<>(reads);
      reads.clear();
      return out;
    }
  }

  @Override
  public ImageRef put(String key, byte[] bytes, String mediaType, int width, int height) {
    return store.put(key, bytes, mediaType, width, height);
  }

  @Override
  public byte[] get(String key) {
    downloads.incrementAndGet();
    reads.merge(key, 1, Integer::sum);
    return store.get(key);
  }

  @Override
  public Optional<ImageRef> find(String key) {
    return store.find(key);
  }

  @Override
  public List<String> list(String prefix) {
    return store.list(prefix);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
  }

  @Override
  public String bucket() {
    return store.bucket();
  }
}
