package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The request names photos that are not in the object store; the problem lists their keys. */
public class UnknownPhotosException extends ProblemException {

  public UnknownPhotosException(List<String> keys) {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "Unknown photos",
        "No uploaded photo under "
            + String.join(", ", keys.stream().map(k -> "'" + k + "'").toList())
            + ". Upload photos with POST /api/uploads and use the keys it returns.");
    property("keys", List.copyOf(keys));
  }
}
