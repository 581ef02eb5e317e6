package dev.facet.bench;

import dev.facet.finish.FinishArguments;
import dev.facet.finish.FinishCommand;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.matte.FinishStages;
import dev.facet.model.NameList;
import dev.facet.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * B2: {@code ./facet finish} against libvips on the same eight 3000 × 3000 JPEGs (the six studio
 * fixtures and mirrors of two, upscaled), each finished to 2000, 1600 and 1000 px JPEG Q92 with
 * sharpening, side by side in one run, printed not asserted:
 *
 * <ul>
 *   <li><b>Facet</b>: {@link FinishCommand} in a JVM of its own, as {@code ./facet finish} runs it
 *       (decode, matte, clean the background, fit, resize in linear light, sharpen, encode with ICC
 *       and XMP), with three presets of {@code amazon-main}'s at those sizes;
 *   <li><b>libvips in one process</b>: {@code pyvips} (thumbnail, sharpen, jpegsave Q=92 per size),
 *       when Python can import it ({@code pip install pyvips}, over Debian's libvips);
 *   <li><b>{@code vipsthumbnail}</b> over all eight files, one process per size (8.14 has no
 *       sharpening option, so it does less than the others);
 *   <li><b>the {@code vips} CLI per image</b>: thumbnail, sharpen, jpegsave per size;
 *   <li><b>the native floor</b> ({@link NativeFloor}): OpenCV's decode, resize, sharpen and encode
 *       in a JVM as Facet's, no matte: the least a Facet finish can take, printed also as a ratio
 *       to {@code vipsthumbnail}.
 * </ul>
 *
 * Each is the median wall time of {@link #ROUNDS} cold runs over all eight files, and its peak
 * resident set (VmHWM, polled while it runs). Facet's stages, the cut-out libvips does not do among
 * them, are also timed one by one ({@link FinishStages}), so the figures say what stands between
 * the two; {@code bench/finish stages} prints those alone. A program, not a test: {@code
 * bench/finish}.
 */
public final class FinishBenchmark {

  private FinishBenchmark() {}

  static final int[] SIDES = {2000, 1600, 1000};
  private static final List<String> CHANNELS =
      Arrays.stream(SIDES).mapToObj(side -> "bench-" + side).toList();
  private static final int ROUNDS = 3;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "bench"));
    List<Path> inputs = inputs(dir);
    Path presets = presets(dir);
    if (args.length > 0 && args[0].equals("stages")) {
      FinishStages.print(FinishStages.measure(presets, CHANNELS, inputs));
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%d inputs, 3000x3000 JPEG Q92 -> %s px JPEG Q92, sharpened; %d cores%n",
        inputs.size(),
        java.util.Arrays.toString(SIDES),
        Runtime.getRuntime().availableProcessors());

    List<Run> runs = new ArrayList<>();
    runs.add(
        median("Facet finish (JVM defaults)", () -> facet(inputs, presets, fresh(dir, "facet"))));
    runs.add(
        median(
            "Facet finish (as ./facet runs it)",
            () -> facet(inputs, presets, fresh(dir, "facet"), LAUNCHER)));
    String[] eightCores = Arrays.copyOf(LAUNCHER, LAUNCHER.length + 1);
    eightCores[LAUNCHER.length] = "-XX:ActiveProcessorCount=8";
    runs.add(
        median(
            "Facet finish (./facet, 8 cores)",
            () -> facet(inputs, presets, fresh(dir, "facet"), eightCores)));
    Run floor =
        median(
            "native floor (OpenCV decode, resize, sharpen, encode; no matte)",
            () -> facet(inputs, presets, fresh(dir, "floor"), NativeFloor.class, LAUNCHER));
    runs.add(floor);
    if (Tool.available("python3", "-c", "import pyvips")) {
      runs.add(median("libvips, one process (pyvips)", () -> pyvips(inputs, fresh(dir, "pyvips"))));
    } else {
      System.out.println("pyvips: not importable (pip install pyvips), skipped");
    }
    if (Tool.available("vipsthumbnail", "--version")) {
      runs.add(
          median(
              "vipsthumbnail (no sharpening)",
              () -> vipsthumbnail(inputs, fresh(dir, "vipsthumbnail"))));
      runs.add(median("vips CLI per image", () -> vipsCli(inputs, fresh(dir, "vips"))));
    } else {
      System.out.println(
          "libvips: no vips CLI on the PATH (Debian: apt-get install libvips-tools), skipped");
    }

    Run facet = runs.get(0);
    int width = runs.stream().mapToInt(r -> r.name.length()).max().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "%-" + width + "s %10s %14s %14s %12s%n",
        "",
        "ms/image",
        "Facet / this",
        "CPU ms/image",
        "peak RSS");
    for (Run r : runs) {
      System.out.printf(
          Locale.ROOT,
          "%-" + width + "s %10.0f %14.2f %14.0f %8d MiB%n",
          r.name,
          r.millis / inputs.size(),
          facet.millis / r.millis,
          r.cpuMillis / inputs.size(),
          r.peakKib / 1024);
    }
    runs.stream()
        .filter(r -> r.name.startsWith("vipsthumbnail"))
        .forEach(
            v ->
                System.out.printf(
                    Locale.ROOT, "floor / vipsthumbnail: %.2f%n", floor.millis / v.millis));
    FinishStages.print(FinishStages.measure(presets, CHANNELS, inputs));
  }

  /** Wall and CPU milliseconds over all inputs, and peak resident set in KiB. */
  record Run(String name, double millis, double cpuMillis, long peakKib) {}

  interface Round {
    Tool.Measured run() throws Exception;
  }

  private static Run median(String name, Round round) throws Exception {
    List<Tool.Measured> rounds = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) rounds.add(round.run());
    rounds.sort(Comparator.comparingDouble(Tool.Measured::millis));
    Tool.Measured m = rounds.get(ROUNDS / 2);
    long peak = rounds.stream().mapToLong(Tool.Measured::peakKib).max().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "  %s: rounds %s ms%n",
        name,
        rounds.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.millis())).toList());
    return new Run(name, m.millis(), m.cpuMillis(), peak);
  }

  /** The JVM options {@code ./facet} gives the finish command: its argument file. */
  private static final String[] LAUNCHER = {
    "@" + Path.of("..", "deploy", "local", "finish-jvm.options").toAbsolutePath().normalize()
  };

  private static Tool.Measured facet(
      List<Path> inputs, Path presets, Path out, String... jvmOptions) throws Exception {
    return facet(inputs, presets, out, FinishMain.class, jvmOptions);
  }

  /** {@code main} of {@code <presets> <out> <channel,...> <photo>...} in a JVM of its own. */
  private static Tool.Measured facet(
      List<Path> inputs, Path presets, Path out, Class<?> main, String... jvmOptions)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            main.getName(),
            presets.toString(),
            out.toString(),
            String.join(",", CHANNELS)));
    inputs.forEach(p -> command.add(p.toString()));
    return Tool.measure(command);
  }

  /**
   * {@code ./facet finish} without the worker's command line around it: {@code <presets> <out>
   * <channel,...> <photo>...}.
   */
  public static final class FinishMain {
    public static void main(String[] args) {
      List<Path> photos = Arrays.stream(args).skip(3).map(Path::of).toList();
      System.exit(
          new FinishCommand(System.out, System.err)
              .run(
                  new FinishArguments(
                      NameList.commas(args[2]), Path.of(args[1]), Path.of(args[0]), photos)));
    }
  }

  private static Tool.Measured pyvips(List<Path> inputs, Path out) throws Exception {
    String script =
        """
        import sys, pyvips
        out, sides, files = sys.argv[1], [int(s) for s in sys.argv[2].split(',')], sys.argv[3:]
        for i, f in enumerate(files):
            for side in sides:
                pyvips.Image.thumbnail(f, side).sharpen().jpegsave(f"{out}/{i}-{side}.jpg", Q=92)
        """;
    List<String> command =
        new ArrayList<>(List.of("python3", "-c", script, out.toString(), sides()));
    inputs.forEach(p -> command.add(p.toString()));
    return Tool.measure(command);
  }

  private static Tool.Measured vipsthumbnail(List<Path> inputs, Path out) throws Exception {
    List<List<String>> commands = new ArrayList<>();
    for (int side : SIDES) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "vipsthumbnail",
                  "-s",
                  String.valueOf(side),
                  "-o",
                  out + "/%s-" + side + ".jpg[Q=92]"));
      inputs.forEach(p -> command.add(p.toString()));
      commands.add(command);
    }
    return Tool.measureInTurn(commands);
  }

  private static Tool.Measured vipsCli(List<Path> inputs, Path out) throws Exception {
    List<List<String>> commands = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      for (int side : SIDES) {
        String thumb = out.resolve("t.v").toString(), sharp = out.resolve("s.v").toString();
        commands.add(
            List.of("vips", "thumbnail", inputs.get(i).toString(), thumb, String.valueOf(side)));
        commands.add(List.of("vips", "sharpen", thumb, sharp));
        commands.add(
            List.of(
                "vips",
                "jpegsave",
                sharp,
                out.resolve(i + "-" + side + ".jpg").toString(),
                "--Q",
                "92"));
      }
    }
    return Tool.measureInTurn(commands);
  }

  private static String sides() {
    return String.join(",", java.util.Arrays.stream(SIDES).mapToObj(String::valueOf).toList());
  }

  /** Three presets of amazon-main's, one per output size. */
  private static Path presets(Path dir) throws IOException {
    StringBuilder json = new StringBuilder("{\"presets\": {");
    for (int i = 0; i < SIDES.length; i++) {
      int side = SIDES[i];
      json.append(i == 0 ? "" : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "\"bench-%d\": {\"extends\": \"amazon-main\", \"width\": %d, \"height\": %d, \"minLongSide\": %d, \"quality\": 0.92}",
                  side,
                  side,
                  side,
                  Math.min(side, 1000)));
    }
    return Files.writeString(dir.resolve("bench-presets.json"), json.append("}}").toString());
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
      out.add(file.toAbsolutePath());
    }
    return out;
  }

  /** An empty folder for one tool's outputs. */
  private static Path fresh(Path dir, String name) throws IOException {
    Path out = dir.resolve("out-" + name);
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.walk(out)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(out).toAbsolutePath();
  }
}
