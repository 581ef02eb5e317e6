package dev.facet.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Post-processes its arguments concurrently, one thread per image, then prints its own peak resident
 * set (VmHWM) in KiB. Run in a child JVM so the figure is post-processing's alone.
 */
public final class ConcurrentFinish {

  public static void main(String[] args) throws Exception {
    Path out = Files.createTempDirectory("facet-rss");
    ExecutorService pool = Executors.newFixedThreadPool(args.length);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      Path input = Path.of(args[i]), prefix = out.resolve("out-" + i);
      work.add(pool.submit(() -> {
        PostProcessBenchmark.finishAllSizes(input, prefix);
        return null;
      }));
    }
    for (Future<?> f : work) f.get();
    pool.shutdown();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) System.out.println(line.replaceAll("\\D", ""));
    }
  }

  /** Starts the child JVM on the same classpath and returns its peak RSS in KiB. */
  static long peakRssOfChild(List<Path> inputs) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ConcurrentFinish.class.getName()));
    inputs.forEach(p -> command.add(p.toAbsolutePath().toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      for (String line; (line = r.readLine()) != null; ) last = line;
    }
    if (p.waitFor() != 0) throw new IllegalStateException("child JVM failed: " + last);
    return Long.parseLong(last.trim());
  }
}
