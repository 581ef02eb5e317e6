package dev.facet.app.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Who is calling, as the rest of Facet needs it: a name for the audit trail and a role. */
public record KeyHolder(String name, Role role) {

  static Authentication authentication(ApiKeyGrant grant) {
    UsernamePasswordAuthenticationToken token =
        UsernamePasswordAuthenticationToken.authenticated(
            grant.name(), null, grant.role().authorities());
    token.setDetails(new KeyHolder(grant.name(), grant.role()));
    return token;
  }

  /** The holder of the key behind an authentication; empty for anonymous callers. */
  public static Optional<KeyHolder> of(Authentication authentication) {
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !(authentication.getDetails() instanceof KeyHolder holder)) {
      return Optional.empty();
    }
    return Optional.of(holder);
  }
}
