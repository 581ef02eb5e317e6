package dev.facet.app.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure that carries the problem details the API answers it with: status, title, the message as
 * detail, and any extra properties. Spring MVC renders it as {@code application/problem+json}
 * without a handler of its own; the command line prints its message.
 */
public abstract class ProblemException extends ErrorResponseException {

  protected ProblemException(HttpStatus status, String title, String detail) {
    this(status, title, detail, null);
  }

  protected ProblemException(HttpStatus status, String title, String detail, Throwable cause) {
    super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
    setTitle(title);
  }

  /** An extra member of the problem, e.g. the workflow a conflicting shoot runs as. */
  protected final void property(String name, Object value) {
    getBody().setProperty(name, value);
  }

  /** The detail alone (Spring's message adds the status and body), as the CLI and logs show it. */
  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
