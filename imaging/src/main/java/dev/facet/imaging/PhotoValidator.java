package dev.facet.imaging;

import dev.facet.imaging.Finding.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether uploaded bytes are a usable reference photo, and says why not in words a seller
 * can act on. Cheap checks run first and stop at the first error: emptiness, content sniffing,
 * format, declared size (before any pixel is decoded), truncation, decoding. Then the decoded
 * picture is turned upright and its blur and exposure are measured. Shared by the capture step and
 * the upload endpoint.
 */
public final class PhotoValidator {

  private final ValidationLimits limits;

  public PhotoValidator(ValidationLimits limits) {
    this.limits = limits;
  }

  public PhotoValidator() {
    this(ValidationLimits.defaults());
  }

  public ValidationLimits limits() {
    return limits;
  }

  public PhotoCheck validate(byte[] bytes) {
    if (bytes.length == 0) {
      return rejected(null, Problem.EMPTY, "the file is empty (0 bytes); upload the photo again");
    }
    Optional<ImageFormat> sniffed = ImageFormat.sniff(bytes);
    if (sniffed.isEmpty()) {
      return rejected(
          null,
          Problem.NOT_AN_IMAGE,
          "not an image: the content is "
              + ImageFormat.describeNonImage(bytes)
              + "; upload a "
              + ImageFormat.supportedNames()
              + " photo");
    }
    ImageFormat format = sniffed.get();
    if (!format.supported()) {
      return rejected(
          format,
          Problem.UNSUPPORTED_FORMAT,
          format.displayName()
              + " images are not supported; save or export the photo as "
              + ImageFormat.supportedNames());
    }
    ImageDecoder.Dimensions size;
    try {
      size = ImageDecoder.readDimensions(bytes, format);
    } catch (IOException e) {
      return rejected(format, Problem.CORRUPT, corrupt(format, "its header cannot be read"));
    }
    double megapixels = size.pixels() / 1e6;
    if (megapixels > limits.maxMegapixels()) {
      return rejected(
          format,
          Problem.TOO_LARGE,
          String.format(
              Locale.ROOT,
              "declares %dx%d pixels (%,.0f MP), over the %.0f MP limit, so it was refused without"
                  + " decoding; resize the photo (a decompression bomb looks exactly like this)",
              size.width(),
              size.height(),
              megapixels,
              limits.maxMegapixels()));
    }
    Optional<String> truncation = ImageDecoder.findTruncation(bytes, format);
    if (truncation.isPresent()) {
      return rejected(
          format,
          Problem.CORRUPT,
          corrupt(
              format,
              "truncated: " + truncation.get() + ", the file ends before the picture does"));
    }
    RgbImage stored;
    try {
      stored = ImageDecoder.decode(bytes, format);
    } catch (IOException e) {
      return rejected(
          format,
          Problem.CORRUPT,
          corrupt(format, "it cannot be decoded (" + e.getMessage() + ")"));
    }
    RgbImage upright = Orientation.of(bytes, format).apply(stored);
    return checkPixels(upright, format);
  }

  /** The pixel checks alone, for a picture already decoded and upright. */
  public PhotoCheck checkPixels(RgbImage photo, ImageFormat format) {
    List<Finding> findings = new ArrayList<>();
    int shortSide = Math.min(photo.width(), photo.height());
    if (shortSide < limits.minShortSide()) {
      findings.add(
          new Finding(
              Problem.TOO_SMALL,
              String.format(
                  Locale.ROOT,
                  "%dx%d is below the minimum resolution: the shorter side must be at least %d px;"
                      + " upload the camera's original, not a thumbnail",
                  photo.width(),
                  photo.height(),
                  limits.minShortSide())));
      return new PhotoCheck(photo, format, findings, null);
    }
    PhotoCheck.PhotoStats stats = measure(photo);
    checkBlur(stats.detail(), findings);
    checkExposure(stats, findings);
    findings.sort((a, b) -> Boolean.compare(b.isError(), a.isError()));
    return new PhotoCheck(photo, format, findings, stats);
  }

  /** Checks on the product mask found in an accepted photo. */
  public List<Finding> checkProduct(Mask mask) {
    List<Finding> findings = new ArrayList<>();
    if (mask.count() == 0) {
      findings.add(
          new Finding(
              Problem.NO_PRODUCT,
              "no product found against the backdrop; photograph the piece on a plain, light"
                  + " backdrop that fills the whole frame"));
      return findings;
    }
    int band = Math.max(2, Math.min(mask.width(), mask.height()) / 200);
    if (mask.touchesBorder(band)) {
      findings.add(
          new Finding(
              Problem.PRODUCT_CUT_OFF,
              "the piece touches the edge of the frame and may be cut off; leave a margin around"
                  + " it"));
    }
    double fill = mask.fill();
    if (fill < 0.2) {
      findings.add(
          new Finding(
              Problem.PRODUCT_SMALL,
              String.format(
                  Locale.ROOT,
                  "the piece fills only %.0f %% of the frame; move closer so it fills at least"
                      + " half",
                  fill * 100)));
    }
    return findings;
  }

  private void checkBlur(double detail, List<Finding> findings) {
    if (detail < limits.blurredBelow()) {
      findings.add(
          new Finding(
              Problem.BLURRED,
              String.format(
                  Locale.ROOT,
                  "too blurry: the sharpest detail scores %.0f (variance of Laplacian), under the"
                      + " minimum of %.0f; focus on the piece and keep the camera still (tripod or"
                      + " timer)",
                  detail,
                  limits.blurredBelow())));
    } else if (detail < limits.softBelow()) {
      findings.add(
          new Finding(
              Problem.SOFT,
              String.format(
                  Locale.ROOT,
                  "slightly soft: the sharpest detail scores %.0f (variance of Laplacian), under"
                      + " %.0f; a sharper photo gives sharper results",
                  detail,
                  limits.softBelow())));
    }
  }

  private void checkExposure(PhotoCheck.PhotoStats s, List<Finding> findings) {
    double bright = s.brightestLightness(), dark = s.darkestLightness();
    if (bright < limits.underExposedBelow()) {
      findings.add(
          new Finding(
              Problem.UNDER_EXPOSED,
              String.format(
                  Locale.ROOT,
                  "under-exposed: even the brightest parts are dark (L* %.0f, needs at least %.0f);"
                      + " add light or increase the exposure",
                  bright,
                  limits.underExposedBelow())));
    } else if (bright < limits.darkBelow()) {
      findings.add(
          new Finding(
              Problem.DARK,
              String.format(
                  Locale.ROOT,
                  "rather dark (brightest parts at L* %.0f); more light would show the metal better",
                  bright)));
    }
    if (dark > limits.overExposedAbove()) {
      findings.add(
          new Finding(
              Problem.OVER_EXPOSED,
              String.format(
                  Locale.ROOT,
                  "over-exposed: even the darkest parts are washed out (L* %.0f, at most %.0f), so"
                      + " the metal's reflections are lost; reduce the exposure",
                  dark,
                  limits.overExposedAbove())));
    } else if (dark > limits.brightAbove()) {
      findings.add(
          new Finding(
              Problem.BRIGHT,
              String.format(
                  Locale.ROOT,
                  "rather bright (darkest parts at L* %.0f); the metal may look flat",
                  dark)));
    }
    if (bright - dark < limits.lowContrastBelow()
        && bright >= limits.underExposedBelow()
        && dark <= limits.overExposedAbove()) {
      findings.add(
          new Finding(
              Problem.LOW_CONTRAST,
              String.format(
                  Locale.ROOT,
                  "low contrast (L* spans only %.0f); use a plain backdrop that differs from the"
                      + " piece and direct light",
                  bright - dark)));
    }
  }

  private static PhotoCheck.PhotoStats measure(RgbImage photo) {
    RgbImage small = Resampler.fitWithin(photo, Sharpness.FRAME_SIDE);
    int[] histogram = new int[101];
    for (int p : small.pixels()) {
      histogram[(int) Math.round(Math.max(0, Math.min(100, ColourScience.lightness(p))))]++;
    }
    int n = small.pixels().length;
    return new PhotoCheck.PhotoStats(
        Sharpness.detail(photo), quantile(histogram, n, 0.99), quantile(histogram, n, 0.01));
  }

  private static double quantile(int[] histogram, int n, double q) {
    long target = Math.round(q * (n - 1)), seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen > target) {
        return i;
      }
    }
    return histogram.length - 1;
  }

  private static String corrupt(ImageFormat format, String what) {
    return "the "
        + format.displayName()
        + " file is corrupt: "
        + what
        + "; upload the original file again";
  }

  private static PhotoCheck rejected(ImageFormat format, Problem problem, String message) {
    return new PhotoCheck(null, format, List.of(new Finding(problem, message)), null);
  }
}
