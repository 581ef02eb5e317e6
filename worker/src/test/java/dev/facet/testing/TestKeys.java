package dev.facet.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * The API keys of the test stacks, one per role, with the hashes the stacks are configured with
 * ({@code facet.security.keys}). Test-only secrets: anyone may read them.
 */
public final class TestKeys {

  public static final String OPERATOR = "fct_test-operator-key";
  public static final String REVIEWER = "fct_test-reviewer-key";
  public static final String ADMIN = "fct_test-admin-key";

  // Each key as Spring properties, one a line: constants, so InProcessStackTest's annotation can
  // name them (an element of @SpringBootTest's properties may hold several lines).
  static final String OPERATOR_PROPERTIES =
      """
      facet.security.keys[0].name=olga
      facet.security.keys[0].role=operator
      facet.security.keys[0].sha256=3d5db7c4ff1b06fdafa4f625870e39b7d999afb5eee8e16540de62220c8397a5
      """;
  static final String REVIEWER_PROPERTIES =
      """
      facet.security.keys[1].name=rita
      facet.security.keys[1].role=reviewer
      facet.security.keys[1].sha256=2c5e9b80794584e053ab9e138db19fb6217993195cc0a155bccaa3cfc5b46b5d
      """;
  static final String ADMIN_PROPERTIES =
      """
      facet.security.keys[2].name=ada
      facet.security.keys[2].role=admin
      facet.security.keys[2].sha256=063408fc3d78aa297dbb1a57c26aaa0d8313f3b0680a7ed8ab07364f41f01289
      """;

  /** The three keys as Spring properties (names olga, rita and ada), for a stack's arguments. */
  public static final List<String> PROPERTIES =
      Stream.of(OPERATOR_PROPERTIES, REVIEWER_PROPERTIES, ADMIN_PROPERTIES)
          .flatMap(String::lines)
          .toList();

  public static String bearer(String key) {
    return "Bearer " + key;
  }

  private TestKeys() {}
}
