package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.imaging.Finding.Problem;
import dev.facet.imaging.Finding.Severity;
import dev.facet.testing.Blur;
import dev.facet.testing.Fixtures;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every problem the validator can report, produced by a real input: errors refuse the photo,
 * warnings (usable but poor) keep it. A new {@link Problem} without a case here fails the build.
 */
class PhotoProblemsTest {

  private static final PhotoValidator VALIDATOR = new PhotoValidator();
  private static RgbImage capture;

  private static final Map<Problem, Supplier<List<Finding>>> CASES = new EnumMap<>(Problem.class);

  static {
    CASES.put(Problem.EMPTY, () -> file("bad/empty.jpg"));
    CASES.put(Problem.NOT_AN_IMAGE, () -> file("bad/not_an_image.jpg"));
    CASES.put(
        Problem.UNSUPPORTED_FORMAT,
        () ->
            VALIDATOR
                .validate(
                    Arrays.copyOf(
                        new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 64))
                .findings());
    CASES.put(Problem.CORRUPT, () -> file("bad/truncated.jpg"));
    CASES.put(Problem.TOO_LARGE, () -> file("bad/bomb_100000x100000.png"));
    CASES.put(Problem.TOO_SMALL, () -> file("bad/tiny_300.jpg"));
    CASES.put(Problem.BLURRED, () -> file("bad/blurred.jpg"));
    // The thresholds these sit between are in ValidationLimits; the measured values are printed.
    CASES.put(Problem.SOFT, () -> pixels(Alter.blur(capture(), 1.5)));
    CASES.put(Problem.UNDER_EXPOSED, () -> file("bad/under_exposed.jpg"));
    CASES.put(Problem.DARK, () -> pixels(Alter.gain(capture(), 0.4)));
    CASES.put(Problem.OVER_EXPOSED, () -> pixels(Alter.gain(capture(), 8)));
    CASES.put(Problem.BRIGHT, () -> pixels(Alter.gain(capture(), 5)));
    CASES.put(
        Problem.LOW_CONTRAST, () -> pixels(Alter.map(capture(), v -> 160 + (v - 160) * 3 / 10)));
    CASES.put(Problem.NO_PRODUCT, () -> VALIDATOR.checkProduct(mask(1000, 800, 0, 0, 0, 0)));
    CASES.put(
        Problem.PRODUCT_CUT_OFF, () -> VALIDATOR.checkProduct(mask(1000, 800, 0, 200, 500, 400)));
    CASES.put(
        Problem.PRODUCT_SMALL, () -> VALIDATOR.checkProduct(mask(1000, 800, 450, 350, 100, 80)));
  }

  @Test
  void everyProblemHasACase() {
    assertThat(CASES.keySet()).containsExactlyInAnyOrder(Problem.values());
  }

  @ParameterizedTest
  @EnumSource(Problem.class)
  void eachProblemIsReportedWithItsSeverity(Problem problem) {
    List<Finding> findings = CASES.get(problem).get();
    Finding finding =
        findings.stream()
            .filter(f -> f.problem() == problem)
            .findFirst()
            .orElseThrow(() -> new AssertionError(problem + " not reported; found " + findings));
    System.out.printf("%-16s %-7s %s%n", problem, problem.severity(), finding.message());
    assertThat(finding.isError()).isEqualTo(problem.severity() == Severity.ERROR);
    assertThat(finding.message()).isNotBlank();
  }

  @Test
  void warningsAloneKeepThePhotoUsable() {
    PhotoCheck soft = VALIDATOR.checkPixels(Alter.blur(capture(), 1.5), ImageFormat.JPEG);
    assertThat(soft.accepted()).isTrue();
    assertThat(soft.warnings()).extracting(Finding::problem).containsExactly(Problem.SOFT);
    PhotoCheck dark = VALIDATOR.checkPixels(Alter.gain(capture(), 0.4), ImageFormat.JPEG);
    assertThat(dark.accepted()).isTrue();
    assertThat(dark.errors()).isEmpty();
    PhotoCheck washed = VALIDATOR.checkPixels(Alter.gain(capture(), 8), ImageFormat.JPEG);
    assertThat(washed.accepted()).isFalse();
  }

  private static List<Finding> file(String fixture) {
    return VALIDATOR.validate(Fixtures.bytes(fixture)).findings();
  }

  private static List<Finding> pixels(RgbImage image) {
    PhotoCheck check = VALIDATOR.checkPixels(image, ImageFormat.JPEG);
    System.out.println("  measured " + check.stats());
    return check.findings();
  }

  private static synchronized RgbImage capture() {
    if (capture == null) capture = Fixtures.photo("P04_capture_1");
    return capture;
  }

  /** A mask with one product rectangle. */
  private static Mask mask(int w, int h, int x, int y, int bw, int bh) {
    boolean[] bits = new boolean[w * h];
    for (int yy = y; yy < y + bh; yy++)
      for (int xx = x; xx < x + bw; xx++) bits[yy * w + xx] = true;
    return new Mask(w, h, bits);
  }

  /** Photographic faults applied to a good capture. */
  static final class Alter {
    static RgbImage gain(RgbImage image, double gain) {
      int[] out = new int[image.pixels().length];
      for (int i = 0; i < out.length; i++) {
        int p = image.pixels()[i];
        out[i] =
            ColourScience.packLinear(
                gain * ColourScience.linear(RgbImage.red(p)),
                gain * ColourScience.linear(RgbImage.green(p)),
                gain * ColourScience.linear(RgbImage.blue(p)));
      }
      return new RgbImage(image.width(), image.height(), out);
    }

    static RgbImage map(RgbImage image, IntUnaryOperator channel) {
      int[] out = new int[image.pixels().length];
      for (int i = 0; i < out.length; i++) {
        int p = image.pixels()[i];
        out[i] =
            RgbImage.pack(
                channel.applyAsInt(RgbImage.red(p)),
                channel.applyAsInt(RgbImage.green(p)),
                channel.applyAsInt(RgbImage.blue(p)));
      }
      return new RgbImage(image.width(), image.height(), out);
    }

    static RgbImage blur(RgbImage image, double sigma) {
      return Blur.gaussian(image, sigma);
    }
  }
}
