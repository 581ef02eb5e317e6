package dev.facet.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known API keys, looked up by hash. Keys are 256 random bits, so one SHA-256 is enough to make
 * a leaked configuration useless (a slow password hash protects guessable secrets, not these).
 */
public final class ApiKeys {

  private static final String PREFIX = "fct_";
  private static final SecureRandom random = new SecureRandom();

  private final Map<String, ApiKeyGrant> byHash = new HashMap<>();

  public ApiKeys(List<ApiKeyGrant> grants) {
    for (ApiKeyGrant grant : grants) {
      check(grant);
      if (byHash.putIfAbsent(grant.sha256(), grant) != null) {
        throw new IllegalArgumentException(
            "Two facet.security.keys have the same sha256 (" + grant.name() + "); make a new key.");
      }
    }
  }

  /** The grant of a presented key, if it is one of ours. */
  public Optional<ApiKeyGrant> find(String key) {
    return key == null || key.isBlank()
        ? Optional.empty()
        : Optional.ofNullable(byHash.get(sha256(key)));
  }

  /** A new random key, e.g. {@code fct_3q2…}. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String sha256(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private static void check(ApiKeyGrant grant) {
    String name = grant.name() == null ? "(unnamed)" : grant.name();
    if (grant.name() == null || grant.name().isBlank()) {
      throw new IllegalArgumentException("Every facet.security.keys entry needs a name.");
    }
    if (grant.role() == null) {
      throw new IllegalArgumentException(
          "The key " + name + " needs a role: operator, reviewer or admin.");
    }
    if (grant.sha256() == null || !grant.sha256().matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "The key "
              + name
              + " needs sha256: the 64 lowercase hex digits that `./facet key` prints, not the key"
              + " itself.");
    }
  }
}
