package dev.facet.app.security;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a key may do: operators start and steer work, reviewers decide, admins do both. */
public enum Role {
  OPERATOR,
  REVIEWER,
  ADMIN;

  /** The authorities a key of this role holds; an admin holds every role's. */
  List<GrantedAuthority> authorities() {
    List<Role> held = this == ADMIN ? List.of(values()) : List.of(this);
    return held.stream()
        .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority()))
        .toList();
  }

  String authority() {
    return "ROLE_" + name();
  }

  /** As written in configuration and messages, e.g. "reviewer". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
