package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The shoot refused a decision, e.g. an approval while it waits for a selection. */
public class DecisionRejectedException extends ProblemException {

  public DecisionRejectedException(String reason) {
    super(HttpStatus.CONFLICT, "Decision rejected", reason);
  }
}
