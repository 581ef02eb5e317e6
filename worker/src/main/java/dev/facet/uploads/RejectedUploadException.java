package dev.facet.uploads;

/** An upload Facet will not store, with the reason in words a seller can act on. */
public class RejectedUploadException extends RuntimeException {

  public enum Reason {
    NO_PHOTOS,
    TOO_MANY_PHOTOS,
    TOO_LARGE,
    UNSUPPORTED_FORMAT,
    /** A supported format that cannot serve as a reference: corrupt, too small, too blurred. */
    UNUSABLE
  }

  private final Reason reason;

  public RejectedUploadException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
