package dev.facet.app.security;

import dev.facet.FacetProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys with roles on every endpoint but health, the API docs and the review page's shell. API
 * clients send their key on each request; the review page logs in once with a key and then uses a
 * session cookie, which is where CSRF tokens are needed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** The review page loads nothing from elsewhere and runs no inline script. */
  private static final String REVIEW_PAGE_POLICY =
      "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'none'; form-action 'self'";

  @Bean
  ApiKeys apiKeys(SecurityProperties security, FacetProperties facet) {
    if (!security.keys().isEmpty()) {
      return new ApiKeys(security.keys());
    }
    log.info(
        "No facet.security.keys configured: the API takes the local admin key in {}",
        facet.data().resolve(LocalAdminKey.FILE));
    return new ApiKeys(List.of(LocalAdminKey.grant(facet.data())));
  }

  @Bean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ProblemWriter problems)
      throws Exception {
    http.authorizeHttpRequests(
            auth -> {
              auth.requestMatchers(Permission.PUBLIC.toArray(String[]::new)).permitAll();
              for (Permission permission : Permission.TABLE) {
                auth.requestMatchers(permission.method(), permission.pattern())
                    .hasRole(permission.role().name());
              }
              auth.anyRequest().authenticated();
            })
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    ApiKeyAuthenticationFilter::carriesKey,
                    // Without a session there is no cookie to ride on: such requests are anonymous.
                    request -> !request.isRequestedSessionIdValid(),
                    // Logging in proves a key; a JSON body cannot be posted cross-site without
                    // CORS.
                    PathPatternRequestMatcher.pathPattern(HttpMethod.POST, ReviewSession.PATH)))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            problems.unauthorized(
                                request,
                                response,
                                "This needs an API key: send 'Authorization: Bearer <key>' (make one"
                                    + " with `./facet key`), or log in on the review page."))
                    .accessDeniedHandler(
                        (request, response, e) -> denied(problems, request, response, e)))
        .headers(
            headers ->
                headers.addHeaderWriter(
                    new DelegatingRequestMatcherHeaderWriter(
                        PathPatternRequestMatcher.pathPattern("/review/**"),
                        new StaticHeadersWriter("Content-Security-Policy", REVIEW_PAGE_POLICY))))
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable);
    return http.build();
  }

  /** JSON bodies are read whole into memory, so their size is capped before they are read. */
  @Bean
  FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimit(
      SecurityProperties security, ProblemWriter problems) {
    FilterRegistrationBean<JsonBodyLimitFilter> registration =
        new FilterRegistrationBean<>(new JsonBodyLimitFilter(security.maxJsonBody(), problems));
    registration.addUrlPatterns("/api/*", "/review/*");
    return registration;
  }

  private static void denied(
      ProblemWriter problems,
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      problems.forbidden(
          request,
          response,
          "This request came with the review page's session but without its CSRF token; send the"
              + " token from GET /review/session in the X-CSRF-TOKEN header, or use an API key.");
      return;
    }
    String who =
        KeyHolder.of(SecurityContextHolder.getContext().getAuthentication())
            .map(holder -> "The key '" + holder.name() + "' has the role " + holder.role().label())
            .orElse("This key has no role that fits");
    String needed =
        Permission.TABLE.stream()
            .filter(
                p ->
                    PathPatternRequestMatcher.pathPattern(p.method(), p.pattern()).matches(request))
            .findFirst()
            .map(
                p ->
                    "; to "
                        + p.action()
                        + " a key needs the role "
                        + p.role().label()
                        + " (or admin).")
            .orElse(".");
    problems.forbidden(request, response, who + needed);
  }
}
