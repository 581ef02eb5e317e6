package dev.facet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's {@code /proc} says of a process, for the benchmarks; NaN or -1 off Linux or once it
 * is gone.
 */
public final class Proc {

  private Proc() {}

  /**
   * utime + stime of every thread, in seconds (fields 14 and 15 of /proc/PID/stat, USER_HZ = 100).
   */
  public static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** A figure of /proc/PID/status in kB, e.g. VmRSS or VmHWM (the peak resident set). */
  public static long statusKb(long pid, String field) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith(field + ":")) {
          return Long.parseLong(l.substring(field.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process has ended
    }
    return -1;
  }
}
