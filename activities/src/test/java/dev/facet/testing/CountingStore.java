package dev.facet.testing;

import dev.facet.model.ImageRef;
import dev.facet.storage.ObjectStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts downloads, to prove what is read again and what is not. */
public record CountingStore(ObjectStore store, AtomicInteger downloads) implements ObjectStore {

  public CountingStore(ObjectStore store) {
    this(store, new AtomicInteger());
  }

  @Override
  public ImageRef put(String key, byte[] bytes, String mediaType, int width, int height) {
    return store.put(key, bytes, mediaType, width, height);
  }

  @Override
  public byte[] get(String key) {
    downloads.incrementAndGet();
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
