package dev.facet.api;

import dev.facet.client.CatalogChangeRefusedException;
import dev.facet.client.CatalogFinishedException;
import dev.facet.client.CatalogNotFinishedException;
import dev.facet.client.CatalogNotFoundException;
import dev.facet.client.CatalogUnavailableException;
import dev.facet.client.DecisionRejectedException;
import dev.facet.client.InvalidCatalogRequestException;
import dev.facet.client.InvalidShootRequestException;
import dev.facet.client.ShootAlreadyRunningException;
import dev.facet.client.ShootFinishedException;
import dev.facet.client.ShootNotFoundException;
import dev.facet.client.ShootUnavailableException;
import dev.facet.client.UnknownPhotosException;
import dev.facet.manifest.ManifestException;
import dev.facet.review.QueueUnavailableException;
import dev.facet.uploads.RejectedUploadException;
import dev.facet.uploads.UploadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every API failure as {@code application/problem+json}: the one place that maps what went wrong
 * to an HTTP status. The base class does the same for Spring MVC's own failures (unknown path,
 * wrong method, missing part).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final UploadProperties uploadLimits;

  ApiExceptionHandler(UploadProperties uploadLimits) {
    this.uploadLimits = uploadLimits;
  }

  @ExceptionHandler
  ProblemDetail invalidRequest(InvalidShootRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e);
  }

  @ExceptionHandler
  ProblemDetail unknownPhotos(UnknownPhotosException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown photos", e);
    problem.setProperty("keys", e.keys());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail alreadyRunning(ShootAlreadyRunningException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Shoot already running", e);
    problem.setProperty("workflowId", e.workflowId());
    problem.setProperty("runId", e.runId());
    problem.setProperty("stateUrl", "/api/shoots/" + e.sku());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail notFound(ShootNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "No such shoot", e);
  }

  @ExceptionHandler
  ProblemDetail finished(ShootFinishedException e) {
    return problem(HttpStatus.CONFLICT, "Shoot already finished", e);
  }

  @ExceptionHandler
  ProblemDetail rejected(DecisionRejectedException e) {
    return problem(HttpStatus.CONFLICT, "Decision rejected", e);
  }

  @ExceptionHandler
  ProblemDetail unavailable(ShootUnavailableException e) {
    log.warn(e.getMessage(), e.getCause());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Shoot unavailable", e);
  }

  @ExceptionHandler
  ProblemDetail invalidManifest(ManifestException e) {
    ProblemDetail problem =
        e.kind() == ManifestException.Kind.UNREADABLE
            ? problem(HttpStatus.BAD_REQUEST, "Unreadable manifest", e)
            : problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid products", e);
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail invalidCatalogRequest(InvalidCatalogRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e);
  }

  @ExceptionHandler
  ProblemDetail catalogNotFound(CatalogNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "No such catalog", e);
  }

  @ExceptionHandler
  ProblemDetail catalogFinished(CatalogFinishedException e) {
    return problem(HttpStatus.CONFLICT, "Catalog already finished", e);
  }

  @ExceptionHandler
  ProblemDetail catalogChangeRefused(CatalogChangeRefusedException e) {
    return problem(HttpStatus.CONFLICT, "Change refused", e);
  }

  @ExceptionHandler
  ProblemDetail catalogNotFinished(CatalogNotFinishedException e) {
    return problem(HttpStatus.CONFLICT, "No report yet", e);
  }

  @ExceptionHandler
  ProblemDetail catalogUnavailable(CatalogUnavailableException e) {
    log.warn(e.getMessage(), e.getCause());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Catalog unavailable", e);
  }

  @ExceptionHandler
  ProblemDetail queueUnavailable(QueueUnavailableException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "No review queue", e);
  }

  @ExceptionHandler
  ProblemDetail rejectedUpload(RejectedUploadException e) {
    HttpStatus status =
        switch (e.reason()) {
          case NO_PHOTOS -> HttpStatus.BAD_REQUEST;
          case TOO_MANY_PHOTOS, TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
          case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
          case UNUSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    return problem(status, "Upload rejected", e);
  }

  @ExceptionHandler
  ProblemDetail unreadableUpload(MultipartException e) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        "The upload is not a readable multipart/form-data request: "
            + e.getMostSpecificCause().getMessage());
  }

  @ExceptionHandler
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected failure serving an API request", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Facet failed unexpectedly; the server log has the details.");
    problem.setTitle("Internal error");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE,
            "A photo may have at most "
                + uploadLimits.maxFileSizeText()
                + ", and an upload at most "
                + uploadLimits.maxFiles()
                + " photos.");
    problem.setTitle("Upload too large");
    return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unreadable(e));
    problem.setTitle("Unreadable request body");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** What is wrong with the body, and where: the innermost reason with Jackson's JSON path. */
  private static String unreadable(HttpMessageNotReadableException e) {
    JacksonException jackson = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JacksonException found) {
        jackson = found;
      }
    }
    if (jackson == null) {
      return "The request needs a JSON body.";
    }
    Throwable root = e.getMostSpecificCause();
    String reason =
        root instanceof JacksonException ? jackson.getOriginalMessage() : root.getMessage();
    String where = jackson.getPath().isEmpty() ? "" : " (at " + jsonPath(jackson) + ")";
    return "The JSON body does not fit this request" + where + ": " + reason;
  }

  private static String jsonPath(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static ProblemDetail problem(HttpStatus status, String title, Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(title);
    return problem;
  }
}
