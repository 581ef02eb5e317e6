package dev.facet.app.security;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code facet key --name ana --role reviewer}: makes a new API key and prints it once, with the
 * configuration entry (its hash) that lets it in. Facet itself never sees the key again.
 */
public final class KeyCommand {

  public static final String USAGE = "Usage: facet key --name <who> --role operator|reviewer|admin";

  private final PrintStream out;
  private final PrintStream err;

  public KeyCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** @return the exit code: 0, or 2 for a usage error */
  public int run(String... args) {
    List<String> list = Arrays.asList(args);
    String name = value(list, "--name");
    String role = value(list, "--role");
    if (name == null || name.isBlank() || role == null) {
      err.println(USAGE);
      return 2;
    }
    Role parsed;
    try {
      parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("Unknown role '" + role + "'. " + USAGE);
      return 2;
    }
    String key = ApiKeys.newKey();
    String sha256 = ApiKeys.sha256(key);
    out.printf(
        """
        API key for %1$s (%2$s). It is shown once: hand it to %1$s and keep no other copy.

          %3$s

        Let it in with this entry under facet.security.keys (application.yaml):

          - name: %1$s
            role: %2$s
            sha256: %4$s

        or with environment variables (N = the entry's index):
          FACET_SECURITY_KEYS_N_NAME=%1$s FACET_SECURITY_KEYS_N_ROLE=%2$s FACET_SECURITY_KEYS_N_SHA256=%4$s
        """,
        name, parsed.label(), key, sha256);
    return 0;
  }

  private static String value(List<String> args, String flag) {
    int at = args.indexOf(flag);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
  }
}
