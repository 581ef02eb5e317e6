package dev.facet.storage;

import dev.facet.model.ImageRef;
import java.util.List;
import java.util.Optional;

/**
 * The object store every step reads and writes. Object metadata carries the digest and pixel size,
 * so {@link #find} can answer "is this step's output already there?" without downloading it.
 */
public interface ObjectStore {

  /** Stores {@code bytes} under {@code key}, replacing any previous object. */
  ImageRef put(String key, byte[] bytes, String mediaType, int width, int height);

  default ImageRef put(String key, byte[] bytes, String mediaType) {
    return put(key, bytes, mediaType, 0, 0);
  }

  /**
   * Reads an object.
   *
   * @throws MissingObjectException when there is no object under {@code key}
   */
  byte[] get(String key);

  /** The stored object's reference, or empty when there is none. */
  Optional<ImageRef> find(String key);

  /** Every key starting with {@code prefix}, in lexicographic order. */
  List<String> list(String prefix);

  /** Removes the object under {@code key}; nothing happens when there is none. */
  void delete(String key);

  /** The bucket every key lives in. */
  String bucket();
}
