package dev.facet.client;

import java.util.List;

/** The request names photos that are not in the object store. */
public class UnknownPhotosException extends RuntimeException {

  private final List<String> keys;

  public UnknownPhotosException(List<String> keys) {
    super(
        "No uploaded photo under "
            + String.join(", ", keys.stream().map(k -> "'" + k + "'").toList())
            + ". Upload photos with POST /api/uploads and use the keys it returns.");
    this.keys = List.copyOf(keys);
  }

  public List<String> keys() {
    return keys;
  }
}
