package dev.facet.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals written before a request reaches Spring MVC (so {@code ApiExceptionHandler} never sees
 * them), in the same {@code application/problem+json} as every other API error, with Spring's
 * mapper.
 */
final class ProblemWriter {

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    write(request, response, HttpStatus.UNAUTHORIZED, "API key needed", detail);
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "Not allowed", detail);
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(
        MediaType.APPLICATION_PROBLEM_JSON_VALUE); // JSON is UTF-8 by definition
    json.writeValue(response.getOutputStream(), problem);
  }
}
