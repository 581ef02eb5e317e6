package dev.facet.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review page's login: a key in, a session cookie out (HttpOnly, SameSite=Strict). The key is
 * never kept in the browser; the page asks here for the session's CSRF token.
 */
@Tag(name = "Review", description = "What waits for a reviewer, and the images to judge it by.")
@RestController
@RequestMapping(ReviewSession.PATH)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // with its ApiKeys
class ReviewSession {

  static final String PATH = "/review/session";

  /**
   * @param key an API key, as {@code ./facet key} printed it
   */
  record Login(String key) {}

  /**
   * @param csrfToken send back in the {@code X-CSRF-TOKEN} header of every change
   */
  record Session(String name, String role, String csrfToken) {}

  private final ApiKeys keys;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  ReviewSession(ApiKeys keys) {
    this.keys = keys;
  }

  @Operation(
      operationId = "logIn",
      summary = "Log the review page in",
      description =
          "Trades an API key for a session cookie (HttpOnly, SameSite=Strict). Role: any"
              + " key; no key needed to call it.",
      security = {})
  @ApiResponse(responseCode = "204", description = "Logged in; the cookie is set.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> login(
      @RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
    return keys.find(login.key())
        .<ResponseEntity<?>>map(
            grant -> {
              request.getSession(true);
              request.changeSessionId(); // a session fixed before login is worth nothing after it
              SecurityContext context = SecurityContextHolder.createEmptyContext();
              context.setAuthentication(KeyHolder.authentication(grant));
              SecurityContextHolder.setContext(context);
              contexts.saveContext(context, request, response);
              return ResponseEntity.noContent().build();
            })
        .orElseGet(
            () ->
                problem(
                    "That key is not known here. Ask an admin for a key (`./facet key --role"
                        + " reviewer`)."));
  }

  @Operation(
      operationId = "currentSession",
      summary = "Who is logged in",
      description =
          "The key's name and role, and the CSRF token to send as `X-CSRF-TOKEN` with"
              + " every change made through the session. Role: any.")
  @ApiResponse(
      responseCode = "200",
      description = "The session.",
      content = @Content(schema = @Schema(implementation = Session.class)))
  @GetMapping
  ResponseEntity<?> current(Authentication authentication, CsrfToken csrf) {
    return KeyHolder.of(authentication)
        .<ResponseEntity<?>>map(
            holder ->
                ResponseEntity.ok(
                    new Session(holder.name(), holder.role().label(), csrf.getToken())))
        .orElseGet(() -> problem("Not logged in: log in with an API key."));
  }

  @Operation(
      operationId = "logOut",
      summary = "Log the review page out",
      description = "Ends the session; needs its CSRF token. Role: any.")
  @ApiResponse(responseCode = "204", description = "Logged out.")
  @DeleteMapping
  ResponseEntity<Void> logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<ProblemDetail> problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    problem.setTitle("Not logged in");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
