package dev.facet.storage;

/** Thrown when an object a step needs is not in the store. */
public class MissingObjectException extends RuntimeException {

  public MissingObjectException(String bucket, String key) {
    super("No object s3://" + bucket + "/" + key);
  }
}
