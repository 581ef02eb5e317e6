package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.imaging.Finding.Problem;
import dev.facet.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhotoValidatorTest {

  private final PhotoValidator validator = new PhotoValidator();

  static java.util.List<String> captures() {
    return Fixtures.captures();
  }

  @ParameterizedTest
  @MethodSource("captures")
  void everyFixtureCaptureIsAcceptedWithoutWarnings(String name) {
    PhotoCheck check = validator.validate(Fixtures.bytes(name + ".jpg"));
    System.out.printf("%s %s%n", name, check.stats());
    assertThat(check.findings()).isEmpty();
    assertThat(check.format()).isEqualTo(ImageFormat.JPEG);
  }

  @Test
  void emptyFile() {
    assertRejected("bad/empty.jpg", Problem.EMPTY, "empty (0 bytes)");
  }

  @Test
  void textNamedJpgSaysWhatItIs() {
    assertRejected("bad/not_an_image.jpg", Problem.NOT_AN_IMAGE, "not an image", "text/plain");
  }

  @Test
  void truncatedJpegLacksItsEndMarker() {
    assertRejected("bad/truncated.jpg", Problem.CORRUPT, "corrupt", "truncated", "no EOI marker");
  }

  @Test
  void decompressionBombIsRefusedFromItsHeader() {
    PhotoCheck check =
        assertRejected(
            "bad/bomb_100000x100000.png",
            Problem.TOO_LARGE,
            "100000x100000",
            "60 MP limit",
            "without decoding");
    assertThat(check.image()).isNull();
  }

  @Test
  void tinyPhotoIsBelowTheMinimumResolution() {
    assertRejected(
        "bad/tiny_300.jpg", Problem.TOO_SMALL, "300x300", "minimum resolution", "800 px");
  }

  @Test
  void blurredPhotoIsTooBlurry() {
    PhotoCheck check = assertRejected("bad/blurred.jpg", Problem.BLURRED, "too blurry");
    System.out.println("blurred " + check.stats());
  }

  @Test
  void underExposedPhoto() {
    PhotoCheck check =
        assertRejected("bad/under_exposed.jpg", Problem.UNDER_EXPOSED, "under-exposed");
    System.out.println("under-exposed " + check.stats());
  }

  @Test
  void overExposedPhoto() {
    RgbImage washed = brighten(Fixtures.photo("P04_capture_1"), 8.0);
    PhotoCheck check = validator.checkPixels(washed, ImageFormat.JPEG);
    System.out.println("over-exposed " + check.stats());
    assertThat(check.errors()).extracting(Finding::problem).containsExactly(Problem.OVER_EXPOSED);
  }

  @Test
  void heicAndTiffAreNamedAsUnsupported() {
    byte[] heic = new byte[64];
    System.arraycopy(
        new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);
    PhotoCheck h = validator.validate(heic);
    assertThat(h.errors())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.problem()).isEqualTo(Problem.UNSUPPORTED_FORMAT);
              assertThat(f.message())
                  .contains("HEIC/HEIF images are not supported", "JPEG, PNG or WebP");
            });
    byte[] tiff = Arrays.copyOf(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, 64);
    assertThat(validator.validate(tiff).errors())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("TIFF images are not supported"));
  }

  @Test
  void otherNonImagesAreDescribed() {
    byte[] pdf = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
    assertThat(validator.validate(pdf).errors().get(0).message()).contains("a PDF document");
  }

  /**
   * The CMYK fixture was made from P01_capture_2 before its vignette was applied, so only the
   * centre of the frame is compared.
   */
  @Test
  void cmykJpegIsConvertedToSrgb() {
    PhotoCheck check = validator.validate(Fixtures.bytes("bad/cmyk.jpg"));
    assertThat(check.errors()).isEmpty();
    double difference = meanDeltaE(centre(check.image()), centre(Fixtures.photo("P01_capture_2")));
    System.out.printf("CMYK vs RGB original, frame centre: mean ΔE2000 %.2f%n", difference);
    assertThat(difference).isLessThan(3.0);
  }

  /**
   * The EXIF fixture was made from P06_capture_1 before its vignette, so the test asks which of the
   * eight orientations matches the original's centre best: it must be the one applied, by far.
   */
  @Test
  void exifOrientationSixIsTurnedClockwise() throws IOException {
    byte[] bytes = Fixtures.bytes("bad/exif_orientation_6.jpg");
    assertThat(Orientation.ofJpeg(bytes)).isEqualTo(Orientation.ROTATE_90_CW);
    PhotoCheck check = validator.validate(bytes);
    assertThat(check.errors()).isEmpty();
    RgbImage original = centre(Fixtures.photo("P06_capture_1"));
    RgbImage stored = ImageDecoder.decode(bytes);
    double upright = meanAbsoluteDifference(centre(check.image()), original);
    double bestOther = Double.MAX_VALUE;
    for (Orientation o : Orientation.values()) {
      if (o != Orientation.ROTATE_90_CW) {
        bestOther = Math.min(bestOther, meanAbsoluteDifference(centre(o.apply(stored)), original));
      }
    }
    System.out.printf(
        "EXIF 6: upright centre differs by %.1f levels, next best orientation %.1f%n",
        upright, bestOther);
    assertThat(bestOther).isGreaterThan(3 * upright);
  }

  private static RgbImage centre(RgbImage image) {
    int w = image.width() * 3 / 10, h = image.height() * 3 / 10;
    return image.crop(
        new dev.facet.model.Box((image.width() - w) / 2, (image.height() - h) / 2, w, h));
  }

  @Test
  void webpIsAccepted() {
    PhotoCheck check = validator.validate(Fixtures.bytes("formats/P04_capture_1.webp"));
    assertThat(check.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(check.errors()).isEmpty();
    assertThat(meanAbsoluteDifference(check.image(), Fixtures.photo("P04_capture_1")))
        .isLessThan(3);
  }

  @Test
  void sixteenBitPngIsScaledToEightBits() throws IOException {
    RgbImage eight = ImageDecoder.decode(Fixtures.bytes("formats/P04_crop.png"));
    RgbImage sixteen = ImageDecoder.decode(Fixtures.bytes("formats/P04_crop_16bit.png"));
    assertThat(sixteen.pixels()).isEqualTo(eight.pixels());
  }

  private PhotoCheck assertRejected(String fixture, Problem problem, String... words) {
    PhotoCheck check = validator.validate(Fixtures.bytes(fixture));
    assertThat(check.accepted()).isFalse();
    assertThat(check.errors()).extracting(Finding::problem).contains(problem);
    Finding error =
        check.errors().stream().filter(f -> f.problem() == problem).findFirst().orElseThrow();
    assertThat(error.message()).contains(words);
    System.out.println(fixture + ": " + error.message());
    return check;
  }

  private static RgbImage brighten(RgbImage image, double gain) {
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

  static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
    assertThat(a.width()).isEqualTo(b.width());
    assertThat(a.height()).isEqualTo(b.height());
    long sum = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      int p = a.pixels()[i], q = b.pixels()[i];
      sum +=
          Math.abs(RgbImage.red(p) - RgbImage.red(q))
              + Math.abs(RgbImage.green(p) - RgbImage.green(q))
              + Math.abs(RgbImage.blue(p) - RgbImage.blue(q));
    }
    return sum / (3.0 * a.pixels().length);
  }

  private static double meanDeltaE(RgbImage a, RgbImage b) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < a.pixels().length; i += 97) {
      sum +=
          ColourScience.deltaE2000(
              ColourScience.lab(a.pixels()[i]), ColourScience.lab(b.pixels()[i]));
      n++;
    }
    return sum / n;
  }
}
