package dev.facet.bench;

import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Lab;
import dev.facet.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Facet's post-processing against libvips, side by side on the same inputs, printed not asserted:
 *
 * <ul>
 *   <li>inputs: the six studio fixtures and two mirrored copies, upscaled to 3000x3000 JPEGs;
 *   <li>Facet: decode, analyse (segment, backdrop, metal tone), white-balance toward the signature,
 *       clean the background, fit to fill, Lanczos-3 resize to 2000, 1600 and 1000 px, sharpen,
 *       encode JPEG Q92 with ICC profile and XMP, write;
 *   <li>libvips: {@code vips thumbnail} (shrink-on-load decode and resize) + {@code vips sharpen} +
 *       {@code vips jpegsave Q=92}, per size, through the CLI (intermediates in .v files on
 *       /dev/shm); the CLI's process start-up is measured and reported too;
 *   <li>peak RSS of a child JVM post-processing all eight images concurrently ({@link ConcurrentFinish}).
 * </ul>
 *
 * <p>A program, not a test (surefire does not pick it up): run it on the test classpath, e.g.
 *
 * <pre>
 * ./mvnw -q -o -pl activities -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp activities/target/test-classes:activities/target/classes:$(cat /tmp/cp.txt) dev.facet.bench.PostProcessBenchmark
 * </pre>
 *
 * The libvips side is skipped, with a note, when {@code vips} is not on the PATH.
 */
public final class PostProcessBenchmark {

  private PostProcessBenchmark() {}

  public static void main(String[] args) throws Exception {
    facetAgainstLibvips();
  }

  static final int[] SIDES = {2000, 1600, 1000};
  private static final int ROUNDS = 3;

  static void facetAgainstLibvips() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "bench"));
    List<Path> inputs = inputs(dir);
    boolean haveVips = vipsOnPath();
    Path scratch = Files.createTempDirectory(Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : dir, "facet-bench-");
    try {
      System.out.printf(Locale.ROOT, "%d inputs, 3000x3000 JPEG Q92; outputs %s px; %d cores%n",
          inputs.size(), java.util.Arrays.toString(SIDES), Runtime.getRuntime().availableProcessors());
      facetRound(inputs, dir); // warm-up: JIT compilation
      if (haveVips) vipsRound(inputs, scratch);
      List<Double> facet = new ArrayList<>(), vips = new ArrayList<>();
      for (int r = 0; r < ROUNDS; r++) {
        facet.add(facetRound(inputs, dir));
        if (haveVips) vips.add(vipsRound(inputs, scratch));
      }
      double f = median(facet) / inputs.size();
      System.out.printf(Locale.ROOT, "Facet   %7.0f ms/image  %5.2f images/s  (rounds %s ms)%n", f, 1000 / f, facet);
      long rss = ConcurrentFinish.peakRssOfChild(inputs);
      System.out.printf(Locale.ROOT, "peak RSS of a JVM post-processing %d images concurrently: %d MiB%n", inputs.size(), rss / 1024);
      if (!haveVips) {
        System.out.println("libvips: no vips CLI on the PATH, comparison skipped");
        return;
      }
      double startup = vipsStartup(scratch);
      double v = median(vips) / inputs.size();
      double vNet = v - 3 * SIDES.length * startup;
      System.out.printf(Locale.ROOT, "libvips %7.0f ms/image  %5.2f images/s  (rounds %s ms; %d CLI calls/image, %.0f ms start-up each)%n",
          v, 1000 / v, vips, 3 * SIDES.length, startup);
      System.out.printf(Locale.ROOT, "ratio Facet/libvips %.2f; against libvips without CLI start-up (%.0f ms/image) %.2f%n",
          f / v, vNet, f / vNet);
    } finally {
      try (var files = Files.list(scratch)) {
        files.forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(scratch);
    }
  }

  /** The six studio fixtures and mirrors of the first two, upscaled to 3000x3000, as JPEG Q92. */
  static List<Path> inputs(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Path file = dir.resolve("input-" + i + ".jpg");
      if (!Files.exists(file)) {
        RgbImage studio = Fixtures.photo("P0" + (i % 6 + 1) + "_studio");
        RgbImage big = Resampler.resize(i >= 6 ? studio.mirrored() : studio, 3000, 3000);
        Files.write(file, ImageEncoder.jpeg(big, 0.92f));
      }
      out.add(file);
    }
    return out;
  }

  /** Wall milliseconds for Facet to post-process every input to every size. */
  static double facetRound(List<Path> inputs, Path dir) throws IOException {
    long t0 = System.nanoTime();
    for (int i = 0; i < inputs.size(); i++) finishAllSizes(inputs.get(i), dir.resolve("facet-" + i));
    return (System.nanoTime() - t0) / 1e6;
  }

  /** One image: decoded and analysed once, finished and written at every size. */
  static void finishAllSizes(Path input, Path outputPrefix) throws IOException {
    RgbImage candidate = ImageDecoder.decode(Files.readAllBytes(input));
    ChannelFinisher.Prepared prepared = new ChannelFinisher().prepare(candidate, SIGNATURE);
    for (int side : SIDES) {
      byte[] bytes = prepared.finish(preset(side), DigitalSourceType.COMPOSITE_SYNTHETIC).bytes();
      Files.write(Path.of(outputPrefix + "-" + side + ".jpg"), bytes);
    }
  }

  /** The studio fixtures' 18k gold as the signature, so the tone correction has work to do. */
  private static final Lab SIGNATURE = new Lab(63.4, 4.0, 39.6);

  static ChannelPreset preset(int side) {
    ChannelPreset a = ChannelPresets.builtIn().get("amazon-main");
    return new ChannelPreset("bench-" + side, a.about(), side, side, a.minLongSide(), a.background(), a.targetFill(),
        a.minFill(), a.shadow(), a.reflection(), a.format(), 0.92f, a.sharpenAmount(), a.sharpenSigma(), a.qa());
  }

  /** Wall milliseconds for the vips CLI to resize, sharpen and encode every input to every size. */
  static double vipsRound(List<Path> inputs, Path scratch) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < inputs.size(); i++) {
      for (int side : SIDES) {
        String thumb = scratch.resolve("t.v").toString(), sharp = scratch.resolve("s.v").toString();
        vips("thumbnail", inputs.get(i).toString(), thumb, String.valueOf(side));
        vips("sharpen", thumb, sharp);
        vips("jpegsave", sharp, scratch.resolve("vips-" + i + "-" + side + ".jpg").toString(), "--Q", "92");
      }
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** Milliseconds one vips CLI call costs doing nothing: process start and library load. */
  static double vipsStartup(Path scratch) throws Exception {
    int n = 20;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) vips("--version");
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  private static boolean vipsOnPath() {
    try {
      vips("--version");
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static void vips(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("vips");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) throw new IllegalStateException("vips failed: " + command);
  }

  private static double median(List<Double> v) {
    return v.stream().sorted().toList().get(v.size() / 2);
  }
}
