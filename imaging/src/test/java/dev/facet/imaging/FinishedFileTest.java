package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finished files carry an sRGB profile and their digital source type, read back from the bytes. */
class FinishedFileTest {

  private static final RgbImage PICTURE = picture(640, 480);

  @Test
  void jpegHasTheSrgbProfileAndTheXmpSourceType() throws Exception {
    byte[] jpeg =
        ImageEncoder.finished(
            PICTURE, ImageFormat.JPEG, 0.92f, DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA);
    byte[] icc = JpegSegments.iccProfile(jpeg);
    assertThat(icc).isEqualTo(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    assertThat(ICC_Profile.getInstance(icc).getColorSpaceType()).isEqualTo(ColorSpace.TYPE_RGB);
    assertThat(JpegSegments.xmp(jpeg))
        .contains(
            "Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\"");
    assertThat(JpegSegments.read(jpeg).get(0).marker()).as("JFIF APP0 stays first").isEqualTo(0xE0);
    assertThat(JpegSegments.read(jpeg)).noneMatch(s -> s.startsWith(JpegSegments.EXIF_ID));
    RgbImage decoded = ImageDecoder.decode(jpeg);
    assertThat(PhotoValidatorTest.meanAbsoluteDifference(decoded, PICTURE)).isLessThan(2);
  }

  @Test
  void webpIsEncodedWithProfileAndXmpInAnExtendedContainer() throws Exception {
    byte[] webp =
        ImageEncoder.finished(
            PICTURE, ImageFormat.WEBP, 0.9f, DigitalSourceType.COMPOSITE_SYNTHETIC);
    assertThat(ImageFormat.sniff(webp)).contains(ImageFormat.WEBP);
    Map<String, byte[]> chunks = WebpContainer.chunks(webp);
    assertThat(chunks.keySet()).containsExactly("VP8X", "ICCP", "VP8 ", "XMP ");
    assertThat(chunks.get("VP8X")[0] & 0xFF).as("ICC and XMP flags").isEqualTo(0x24);
    assertThat(chunks.get("ICCP")).isEqualTo(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
    assertThat(new String(chunks.get("XMP "), java.nio.charset.StandardCharsets.UTF_8))
        .contains("digitalsourcetype/compositeSynthetic");
    assertThat(ImageDecoder.findTruncation(webp, ImageFormat.WEBP)).isEmpty();
    RgbImage decoded = ImageDecoder.decode(webp);
    assertThat(decoded.width()).isEqualTo(640);
    assertThat(decoded.height()).isEqualTo(480);
    assertThat(PhotoValidatorTest.meanAbsoluteDifference(decoded, PICTURE)).isLessThan(3);
  }

  /** Smooth gradients and a disc: something with edges and colour, like a product shot. */
  static RgbImage picture(int w, int h) {
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = x - w / 2.0, dy = y - h / 2.0;
        boolean disc = dx * dx + dy * dy < (h / 4.0) * (h / 4.0);
        px[y * w + x] =
            disc
                ? RgbImage.pack(200, 160 + x % 40, 80)
                : RgbImage.pack(255 - y / 8, 250, 255 - x / 8);
      }
    }
    return new RgbImage(w, h, px);
  }
}
