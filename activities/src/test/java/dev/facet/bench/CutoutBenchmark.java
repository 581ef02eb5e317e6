package dev.facet.bench;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.Staging;
import dev.facet.imaging.StudioRenderer;
import dev.facet.imaging.matte.Matting;
import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.StyleGuide;
import dev.facet.testing.ContactSheet;
import dev.facet.testing.CutoutCheck;
import dev.facet.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Does a finished image keep every pixel of the product, and nothing else? Each of the 18 fixture
 * captures is shot the way a shoot does it, through the same code and the same file round trips:
 * capture (normalised to a Q95 JPEG, cut out, cut-out stored as PNG), studio generation (the
 * white-studio style, 2000 px, stored as a Q95 JPEG with its cut-out), post-processing for {@code
 * master}; then the capture's ground-truth mask is aligned to the finished image ({@link
 * CutoutCheck}) and two figures are printed per image:
 *
 * <ul>
 *   <li><b>kept</b>: share of the product's pixels (not already near-white in the capture) that are
 *       not background-white in the finished image: 1.00 = no holes;
 *   <li><b>debris</b>: dark pixels (min channel &lt; 200) outside the product grown by 1 % of the
 *       frame, over the product's area: 0.00 = no shadow fragments or backdrop left behind.
 * </ul>
 *
 * Goal: every image kept ≥ 0.985 and debris ≤ 0.02. It writes the finished images and a contact
 * sheet of them beside their captures to {@code target/cutout/}. A program (bench/cutout); {@code
 * CutoutBenchmarkTest} holds the build to the goal.
 */
public final class CutoutBenchmark {

  /** One capture's finished master image and its figures. */
  public record Result(
      String capture,
      RgbImage photo,
      RgbImage candidate,
      RgbImage finished,
      CutoutCheck.Figures figures,
      CutoutCheck.Figures candidateFigures,
      double seconds) {
    public boolean clean() {
      return figures.clean();
    }
  }

  private CutoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/cutout"));
    List<Result> results = run(Fixtures.captures(), Runtime.getRuntime().availableProcessors());
    System.out.println(table(results));
    for (Result r : results) {
      Files.write(
          out.resolve(r.capture() + "-candidate.jpg"), ImageEncoder.jpeg(r.candidate(), 0.95f));
      Files.write(out.resolve(r.capture() + "-master.jpg"), ImageEncoder.jpeg(r.finished(), 0.95f));
    }
    Path sheet = out.resolve("contact-sheet.png");
    ContactSheet.write(
        sheet,
        results.stream()
            .map(
                r ->
                    new ContactSheet.Pair(
                        r.capture(),
                        r.photo(),
                        r.finished(),
                        String.format(
                            Locale.ROOT,
                            "kept %.3f debris %.3f",
                            r.figures().kept(),
                            r.figures().debris())))
            .toList());
    System.out.println("contact sheet: " + sheet.toAbsolutePath());
  }

  /** Shoots every capture through capture, studio generation and post-processing, in parallel. */
  public static List<Result> run(List<String> captures, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Result>> work = new ArrayList<>();
      for (String capture : captures) work.add(pool.submit(() -> shoot(capture)));
      List<Result> results = new ArrayList<>();
      for (Future<Result> f : work) results.add(f.get());
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static final ChannelPreset MASTER = ChannelPresets.builtIn().get("master");
  private static final StyleGuide STYLE = StyleGuide.whiteStudio();

  static Result shoot(String capture) {
    long t0 = System.nanoTime();
    RgbImage photo = Fixtures.photo(capture);
    Matting matting = new Matting();
    // Capture: the photo as stored (JPEG Q95), its cut-out as stored (PNG).
    RgbImage stored = decode(ImageEncoder.jpeg(photo, 0.95f));
    byte[] cutout = ImageEncoder.png(matting.find(stored));
    // Studio generation, from the stored cut-out; the candidate as stored (JPEG Q95) with its
    // cut-out (PNG).
    ProductMatte matte = decodeMatte(cutout, matting.backdrop(stored));
    Staging.Staged render =
        new StudioRenderer(2000)
            .render(
                matte,
                StudioRenderer.Look.of(STYLE),
                StudioRenderer.Variation.seeded(STYLE.seed() + capture.hashCode()));
    RgbImage candidate = decode(ImageEncoder.jpeg(render.image(), 0.95f));
    ProductMatte candidateMatte =
        decodeMatte(
            ImageEncoder.png(render.matte()),
            BackdropModel.flat(0xFFFFFF, candidate.width(), candidate.height()));
    // Post-processing for master, decoded as a marketplace would read it.
    RgbImage finished =
        decode(
            new ChannelFinisher()
                .prepare(candidate, candidateMatte, null)
                .finish(MASTER, DigitalSourceType.COMPOSITE_SYNTHETIC)
                .bytes());
    CutoutCheck.Figures figures =
        CutoutCheck.judge(finished, photo, Fixtures.groundTruthMask(capture));
    // The same figures on the studio candidate tell a loss at capture from one at finishing.
    CutoutCheck.Figures before =
        CutoutCheck.judge(candidate, photo, Fixtures.groundTruthMask(capture));
    return new Result(
        capture, photo, candidate, finished, figures, before, (System.nanoTime() - t0) / 1e9);
  }

  public static String table(List<Result> results) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-15s %6s %7s %5s   %-17s %6s%n",
                "capture",
                "kept",
                "debris",
                "iou",
                "(candidate)",
                "s"));
    int clean = 0;
    double worstKept = 1, worstDebris = 0;
    for (Result r : results) {
      CutoutCheck.Figures f = r.figures();
      CutoutCheck.Figures c = r.candidateFigures();
      s.append(
          String.format(
              Locale.ROOT,
              "%-15s %6.3f %7.3f %5.2f   (%5.3f %5.3f) %6.1f  %s%n",
              r.capture(),
              f.kept(),
              f.debris(),
              f.iou(),
              c.kept(),
              c.debris(),
              r.seconds(),
              r.clean() ? "clean" : "NOT CLEAN"));
      if (r.clean()) clean++;
      worstKept = Math.min(worstKept, f.kept());
      worstDebris = Math.max(worstDebris, f.debris());
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%d of %d clean (goal: all; kept >= %.3f, debris <= %.2f); worst kept %.3f, worst debris %.3f",
            clean,
            results.size(),
            CutoutCheck.KEPT_GOAL,
            CutoutCheck.DEBRIS_GOAL,
            worstKept,
            worstDebris));
    return s.toString();
  }

  private static RgbImage decode(byte[] bytes) {
    try {
      return ImageDecoder.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProductMatte decodeMatte(byte[] png, BackdropModel backdrop) {
    try {
      return ImageDecoder.decodeMatte(png, backdrop);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
