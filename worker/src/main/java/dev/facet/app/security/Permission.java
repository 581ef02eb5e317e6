package dev.facet.app.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Which role a request needs: the one table of who may do what. Reads under {@code /api} need any
 * key; health and the API docs need none.
 */
public record Permission(HttpMethod method, String pattern, Role role, String action) {

  public static final List<Permission> TABLE =
      List.of(
          new Permission(HttpMethod.POST, "/api/uploads", Role.OPERATOR, "upload photos"),
          new Permission(HttpMethod.POST, "/api/shoots", Role.OPERATOR, "start shoots"),
          new Permission(HttpMethod.POST, "/api/shoots/*/decisions", Role.REVIEWER, "decide"),
          new Permission(HttpMethod.POST, "/api/catalogs", Role.OPERATOR, "start catalogs"),
          new Permission(HttpMethod.POST, "/api/catalogs/*/*", Role.OPERATOR, "steer catalogs"),
          new Permission(null, "/actuator/**", Role.OPERATOR, "read the metrics"));

  /** Open to everyone: health probes, the API description, the review page and its login. */
  public static final List<String> PUBLIC =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/v3/api-docs.yaml",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/review",
          "/review/**",
          "/favicon.ico",
          "/error");
}
