package dev.facet.imaging.matte;

import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.Mask;
import dev.facet.imaging.PhotoCheck;
import dev.facet.imaging.PhotoValidator;
import dev.facet.imaging.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;

/**
 * B2's per-stage figures: {@code ./facet finish}'s steps timed one at a time on one thread, so the
 * table says which stage stands between Facet and libvips. A program, not a test: {@code
 * bench/finish} prints it after the end-to-end runs; {@code <presets.json> <channel,...>
 * <photo>...}.
 */
public final class FinishStages {

  private FinishStages() {}

  /** Milliseconds per image of each stage, in pipeline order, averaged over {@code photos}. */
  public static Map<String, Double> measure(
      Path presetsFile, List<String> channels, List<Path> photos) throws Exception {
    ChannelPresets all = ChannelPresets.withUserFile(presetsFile);
    List<ChannelPreset> presets = channels.stream().map(all::get).toList();
    MattingSettings s = MattingSettings.defaults();
    PhotoValidator validator = new PhotoValidator();
    ChannelFinisher finisher = new ChannelFinisher();
    Map<String, Double> ms = new LinkedHashMap<>();
    for (int round = 0; round < 2; round++) { // the first round warms up
      boolean counted = round == 1;
      for (Path photo : photos) {
        byte[] bytes = Files.readAllBytes(photo);
        long t0 = System.nanoTime();
        PhotoCheck check = validator.validate(bytes);
        RgbImage image = check.image();
        long t1 = System.nanoTime();
        ProductMatte matte;
        long t2, t3;
        try (PointerScope scope = new PointerScope()) {
          Cues cues = Cues.of(image, s);
          t2 = System.nanoTime();
          boolean[] coarse = CoarseMask.find(cues, s);
          t3 = System.nanoTime();
          matte =
              EdgeRefiner.refine(
                  image, new Mask(cues.width, cues.height, coarse), cues.backdrop, s);
        }
        long t4 = System.nanoTime();
        ChannelFinisher.Prepared prepared = finisher.prepare(image, matte, null);
        long t5 = System.nanoTime();
        for (ChannelPreset preset : presets)
          prepared.finish(preset, DigitalSourceType.COMPOSITE_SYNTHETIC);
        long t6 = System.nanoTime();
        if (counted) {
          add(ms, "decode + validate", t1 - t0, photos.size());
          add(ms, "matte: cues (working copy)", t2 - t1, photos.size());
          add(ms, "matte: coarse mask", t3 - t2, photos.size());
          add(ms, "matte: edge refinement (full size)", t4 - t3, photos.size());
          add(ms, "measure metal + cut-out", t5 - t4, photos.size());
          add(ms, "stage + sharpen + encode, all presets", t6 - t5, photos.size());
        }
      }
    }
    return ms;
  }

  private static void add(Map<String, Double> ms, String stage, long nanos, int photos) {
    ms.merge(stage, nanos / 1e6 / photos, Double::sum);
  }

  public static void print(Map<String, Double> ms) {
    double total = ms.values().stream().mapToDouble(Double::doubleValue).sum();
    System.out.println("Facet finish per stage, one thread (ms/image):");
    ms.forEach(
        (stage, m) ->
            System.out.printf(Locale.ROOT, "  %-40s %8.0f  %5.1f %%%n", stage, m, 100 * m / total));
    System.out.printf(Locale.ROOT, "  %-40s %8.0f%n", "total", total);
  }

  public static void main(String[] args) throws Exception {
    print(
        measure(
            Path.of(args[0]),
            List.of(args[1].split(",")),
            java.util.Arrays.stream(args).skip(2).map(Path::of).toList()));
  }
}
