package dev.facet.app.web;

import dev.facet.app.uploads.UploadProperties;
import dev.facet.manifest.ManifestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every API failure as {@code application/problem+json}. Facet's own failures carry their problem
 * ({@link dev.facet.app.problem.ProblemException}) and the base class renders them as it does
 * Spring MVC's (unknown path, wrong method, missing part); what is here needs code: a manifest's
 * problems, the upload limits, where a JSON body went wrong, and the unexpected.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final UploadProperties uploadLimits;

  ApiExceptionHandler(UploadProperties uploadLimits) {
    this.uploadLimits = uploadLimits;
  }

  /**
   * The failures that carry their problem (dev.facet.app.problem): logged when Facet is at fault.
   */
  @Override
  protected ResponseEntity<Object> handleErrorResponseException(
      ErrorResponseException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (status.is5xxServerError()) {
      log.warn(e.getMessage(), e.getCause());
    }
    return super.handleErrorResponseException(e, headers, status, request);
  }

  /** A manifest lives in activities, without Spring: its kind decides the status. */
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
