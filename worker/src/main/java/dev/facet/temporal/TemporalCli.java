package dev.facet.temporal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the {@code temporal} CLI, which brings the dev server and its Web UI. */
public final class TemporalCli {

  private TemporalCli() {}

  /**
   * The configured path when given (it must then exist), else the first executable {@code temporal}
   * on the PATH, in {@code ~/.temporalio/bin} (the official installer) or in {@code ~/go/bin}
   * ({@code go install}).
   */
  public static Optional<Path> locate(Path configured) {
    if (configured != null) {
      if (!Files.isExecutable(configured)) {
        throw new IllegalStateException(
            "facet.temporal.cli-path is " + configured + ", but no executable is there");
      }
      return Optional.of(configured);
    }
    return candidates().stream().filter(Files::isExecutable).findFirst();
  }

  private static List<Path> candidates() {
    String executable = isWindows() ? "temporal.exe" : "temporal";
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String folder : path.split(File.pathSeparator)) {
        if (!folder.isBlank()) {
          candidates.add(Path.of(folder, executable));
        }
      }
    }
    Path home = Path.of(System.getProperty("user.home"));
    candidates.add(home.resolve(".temporalio/bin").resolve(executable));
    candidates.add(home.resolve("go/bin").resolve(executable));
    return candidates;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
  }
}
