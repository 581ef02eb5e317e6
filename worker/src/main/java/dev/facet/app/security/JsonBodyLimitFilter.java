package dev.facet.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies above a size, by their declared length, before anything reads them. Bodies
 * without a length (chunked) are refused too: a decision or a shoot request is always small.
 */
final class JsonBodyLimitFilter extends OncePerRequestFilter {

  private final DataSize limit;
  private final ProblemWriter problems;

  JsonBodyLimitFilter(DataSize limit, ProblemWriter problems) {
    this.limit = limit;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean json = isJson(request.getContentType());
    if (json && length > limit.toBytes()) {
      problems.write(
          request,
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          "Request too large",
          "A JSON body may have at most "
              + limit.toKilobytes()
              + " KB; this one has "
              + length
              + " bytes.");
      return;
    }
    if (json && length < 0 && request.getHeader("Transfer-Encoding") != null) {
      problems.write(
          request,
          response,
          HttpStatus.LENGTH_REQUIRED,
          "Length required",
          "Send JSON bodies with a Content-Length header (at most "
              + limit.toKilobytes()
              + " KB).");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
