package dev.facet.app.review;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The Temporal server cannot list workflows by search attribute, so there is no queue to show. */
public class QueueUnavailableException extends ProblemException {

  public QueueUnavailableException(Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "No review queue",
        "The review queue lists shoots through Temporal's visibility store, which the in-process"
            + " Temporal server does not have. Install the temporal CLI (deploy/local/temporal.sh"
            + " install) so Facet runs the dev server, or point Facet at a Temporal cluster. Single"
            + " shoots still open at /api/shoots/<sku>.",
        cause);
  }
}
