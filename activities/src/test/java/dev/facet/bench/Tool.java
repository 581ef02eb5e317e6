package dev.facet.bench;

import dev.facet.testing.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a benchmark's peer tool as a child process and measures it from Linux's {@code /proc}: wall
 * time, CPU time, and the peak resident set (VmHWM, a high-water mark, so polling it every few
 * milliseconds misses only a peak in the child's last moments).
 */
final class Tool {

  private Tool() {}

  /** Wall and CPU milliseconds, peak resident set in KiB. */
  record Measured(double millis, double cpuMillis, long peakKib) {}

  private static final long POLL_MILLIS = 10;

  static boolean available(String... command) {
    try {
      return new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs the commands one after the other: wall and CPU summed, the highest peak. */
  static Measured measureInTurn(List<List<String>> commands) throws Exception {
    double millis = 0, cpu = 0;
    long peak = 0;
    for (List<String> command : commands) {
      Measured m = measure(command);
      millis += m.millis;
      cpu += m.cpuMillis;
      peak = Math.max(peak, m.peakKib);
    }
    return new Measured(millis, cpu, peak);
  }

  static Measured measure(List<String> command) throws Exception {
    Path log = Files.createTempFile("facet-bench-", ".log");
    try {
      long t0 = System.nanoTime();
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long peak = 0;
      double cpu = 0;
      while (p.isAlive()) {
        peak = Math.max(peak, Proc.statusKb(p.pid(), "VmHWM"));
        double seconds = Proc.cpuSeconds(p.pid());
        if (!Double.isNaN(seconds))
          cpu = Math.max(cpu, seconds); // NaN: it exited between the check and the read
        Thread.sleep(POLL_MILLIS);
      }
      double millis = (System.nanoTime() - t0) / 1e6;
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            command.get(0) + " failed (" + p.exitValue() + "): " + tail(log));
      }
      return new Measured(millis, cpu * 1000, peak);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
  }
}
