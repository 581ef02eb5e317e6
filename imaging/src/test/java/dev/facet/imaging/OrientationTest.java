package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.testing.ExifFixtures;
import org.junit.jupiter.api.Test;

/** EXIF orientation is honoured in every supported format, not only JPEG. */
class OrientationTest {

  /**
   * Upright, landscape; stored turned a quarter anticlockwise, as a phone held upright saves it.
   */
  private static final RgbImage UPRIGHT = FinishedFileTest.picture(96, 64);

  private static final RgbImage STORED = Orientation.ROTATE_90_CCW.apply(UPRIGHT);

  @Test
  void pngWithAnExifChunkIsTurnedUpright() throws Exception {
    byte[] png = ExifFixtures.png(ImageEncoder.png(STORED), ExifFixtures.tiff(6, false));
    assertThat(Orientation.of(png, ImageFormat.PNG)).isEqualTo(Orientation.ROTATE_90_CW);
    RgbImage decoded = ImageDecoder.decodeUpright(png);
    assertThat(decoded.width()).isEqualTo(96);
    assertThat(decoded.pixels()).isEqualTo(UPRIGHT.pixels());
  }

  @Test
  void webpWithAnExifChunkIsTurnedUpright() throws Exception {
    byte[] lossy = ImageEncoder.webp(STORED, 0.95f);
    for (boolean header : new boolean[] {false, true}) {
      byte[] webp =
          ExifFixtures.webp(
              lossy, STORED.width(), STORED.height(), ExifFixtures.tiff(6, false), header);
      assertThat(Orientation.of(webp, ImageFormat.WEBP)).isEqualTo(Orientation.ROTATE_90_CW);
      RgbImage decoded = ImageDecoder.decodeUpright(webp);
      assertThat(decoded.width()).isEqualTo(96);
      assertThat(PhotoValidatorTest.meanAbsoluteDifference(decoded, UPRIGHT)).isLessThan(4);
    }
  }

  @Test
  void theValidatorTurnsPngsUprightToo() {
    RgbImage big = Orientation.ROTATE_90_CCW.apply(FinishedFileTest.picture(1200, 900));
    byte[] png = ExifFixtures.png(ImageEncoder.png(big), ExifFixtures.tiff(6, false));
    PhotoCheck check = new PhotoValidator().validate(png);
    assertThat(check.image().width()).isEqualTo(1200);
    assertThat(check.image().height()).isEqualTo(900);
  }

  @Test
  void filesWithoutOrMalformedExifAreLeftAsStored() {
    assertThat(Orientation.of(ImageEncoder.png(STORED), ImageFormat.PNG))
        .isEqualTo(Orientation.NORMAL);
    assertThat(Orientation.of(ImageEncoder.webp(STORED, 0.9f), ImageFormat.WEBP))
        .isEqualTo(Orientation.NORMAL);
    byte[] broken = ExifFixtures.tiff(6, false);
    broken[4] = (byte) 0xFF; // IFD offset far beyond the block
    broken[7] = (byte) 0x7F;
    assertThat(Orientation.of(ExifFixtures.png(ImageEncoder.png(STORED), broken), ImageFormat.PNG))
        .isEqualTo(Orientation.NORMAL);
  }
}
