package dev.facet.app.uploads;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An upload Facet will not store, with the reason in words a seller can act on. */
public class RejectedUploadException extends ProblemException {

  /** Why, and so which status the API answers with. */
  public enum Reason {
    NO_PHOTOS(HttpStatus.BAD_REQUEST),
    TOO_MANY_PHOTOS(HttpStatus.CONTENT_TOO_LARGE),
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_FORMAT(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** A supported format that cannot serve as a reference: corrupt, too small, too blurred. */
    UNUSABLE(HttpStatus.UNPROCESSABLE_CONTENT);

    private final HttpStatus status;

    Reason(HttpStatus status) {
      this.status = status;
    }
  }

  public RejectedUploadException(Reason reason, String message) {
    super(reason.status, "Upload rejected", message);
  }
}
