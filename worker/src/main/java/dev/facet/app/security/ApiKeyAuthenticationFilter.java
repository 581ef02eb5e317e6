package dev.facet.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} for this request only: API clients keep no
 * session, so they need no CSRF token either. A key that is sent but unknown is refused here rather
 * than treated as no key, so a typo reads as a typo.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiKeys keys;
  private final ProblemWriter problems;

  ApiKeyAuthenticationFilter(ApiKeys keys, ProblemWriter problems) {
    this.keys = keys;
    this.problems = problems;
  }

  static boolean carriesKey(HttpServletRequest request) {
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiKeyGrant> grant =
        header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? keys.find(header.substring(BEARER.length()).strip())
            : Optional.empty();
    if (grant.isEmpty()) {
      problems.unauthorized(
          request,
          response,
          "The Authorization header does not carry a known API key. Send 'Authorization: Bearer"
              + " <key>' with a key from `./facet key` (configured under facet.security.keys).");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(KeyHolder.authentication(grant.get()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
