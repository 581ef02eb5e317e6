package dev.facet.app.cli;

import dev.facet.app.security.ApiKeys;
import dev.facet.app.security.Role;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code facet key --name ana --role reviewer}: makes a new API key and prints it once, with the
 * configuration entry (its hash) that lets it in. Facet itself never sees the key again.
 */
@Command(
    name = "key",
    description =
        "Make an API key and print it once, with the facet.security.keys entry (its"
            + " SHA-256) that lets it in.")
final class KeyCommand implements Callable<Integer> {

  private final PrintStream out;

  @Spec private CommandSpec spec;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "WHO",
      description = "Whom the key is for; the audit trail names their decisions by it.")
  private String name;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "What the key may do: ${COMPLETION-CANDIDATES} (any case).")
  private Role role;

  KeyCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (name.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--name needs whom the key is for.");
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
        name, role.label(), key, sha256);
    return 0;
  }
}
