package dev.facet.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facet.imaging.ColourScience;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.JpegSegments;
import dev.facet.imaging.Mask;
import dev.facet.imaging.MetalTone;
import dev.facet.imaging.Orientation;
import dev.facet.imaging.PhotoValidator;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Lab;
import dev.facet.model.Reference;
import dev.facet.model.ReferencePhoto;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.ShootKeys;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.ExifFixtures;
import dev.facet.testing.Fixtures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaptureActivitiesTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  private TestActivityEnvironment env;
  private CaptureActivities capture;
  private ShootKeys keys;

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new CaptureActivitiesImpl(s3.store(), new PhotoValidator()));
    capture =
        env.newActivityStub(
            CaptureActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    keys = ShootKeys.of("shoot-test", UUID.randomUUID().toString());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private ReferencePhoto upload(String fixture, String angle) {
    String key = "uploads/" + UUID.randomUUID() + "/" + fixture.replace('/', '_');
    s3.store().put(key, Fixtures.bytes(fixture), "application/octet-stream");
    return new ReferencePhoto(key, angle);
  }

  @Test
  void capturesStoresAndMeasuresEveryPhoto() throws Exception {
    List<ReferencePhoto> photos =
        List.of(
            upload("P01_capture_1.jpg", "front"),
            upload("P01_capture_2.jpg", "front"),
            upload("P01_capture_3.jpg", "side"));

    CaptureResult result = capture.capture(new CaptureRequest(keys, photos));

    assertThat(result.references()).hasSize(3);
    for (Reference ref : result.references()) {
      String name = "P01_capture_" + (ref.index() + 1);
      assertThat(ref.image().key()).isEqualTo(keys.reference(ref.index()));
      assertThat(ref.image().mediaType()).isEqualTo("image/jpeg");
      assertThat(ref.warnings()).isEmpty();
      Mask mask = ImageDecoder.decodeMask(s3.store().get(ref.mask().key()));
      double iou = mask.iou(Fixtures.groundTruthMask(name));
      double fillTruth = Fixtures.file(name + ".jpg").at("/measured/fill").asDouble();
      System.out.printf(
          "%s: IoU %.3f, fill %.3f (truth %.3f), metal %s%n",
          name, iou, ref.fill(), fillTruth, ref.metal());
      assertThat(iou).isGreaterThan(0.9);
      assertThat(ref.fill()).isCloseTo(fillTruth, org.assertj.core.data.Offset.offset(0.05));
      assertThat(ref.sharpness()).isGreaterThan(500);
    }
    assertThat(result.references())
        .extracting(Reference::angle)
        .containsExactly("front", "front", "side");
    // 18k yellow gold with one diamond: the signature has both. Read under the photos' own white
    // point, its metal is the studio photo's (white light on white): the beige paper's cast is out.
    Lab truth = Fixtures.measuredMetal("P01_studio");
    double de = MetalTone.deltaE(result.signature().metal(), truth);
    System.out.printf(
        "signature metal %s, ΔE2000 %.2f (lightness excluded) to P01_studio's; stone %s%n",
        result.signature().metal(), de, result.signature().stone());
    assertThat(de).isLessThan(2.5);
    assertThat(result.signature().stone()).isNotNull();
    assertThat(result.signature().stone().b()).isLessThan(result.signature().metal().b() - 15);
  }

  @Test
  void aRetryReusesWhatAnEarlierAttemptStored() {
    ReferencePhoto photo = upload("P02_capture_1.jpg", "front");
    CaptureResult first = capture.capture(new CaptureRequest(keys, List.of(photo)));
    // The upload is gone: the second attempt can only succeed from the stored reference.
    s3.store().put(photo.key(), new byte[0], "application/octet-stream");

    long t0 = System.nanoTime();
    CaptureResult second = capture.capture(new CaptureRequest(keys, List.of(photo)));
    System.out.printf("retry took %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    Reference a = first.references().get(0), b = second.references().get(0);
    assertThat(b.image()).isEqualTo(a.image());
    assertThat(b.mask()).isEqualTo(a.mask());
    assertThat(b.productBox()).isEqualTo(a.productBox());
    assertThat(b.metal()).isEqualTo(a.metal());
    assertThat(second.signature()).isEqualTo(first.signature());
  }

  @Test
  void exifOrientedPhotoIsStoredUprightWithoutMetadata() throws Exception {
    CaptureResult result =
        capture.capture(
            new CaptureRequest(keys, List.of(upload("bad/exif_orientation_6.jpg", "front"))));
    byte[] stored = s3.store().get(result.references().get(0).image().key());
    assertThat(Orientation.ofJpeg(stored)).isEqualTo(Orientation.NORMAL);
    assertThat(containsExif(stored)).isFalse();
    assertThat(containsExif(Fixtures.bytes("bad/exif_orientation_6.jpg"))).isTrue();
    // Upright means the product mask lies where the original capture's ground truth does.
    Mask mask = ImageDecoder.decodeMask(s3.store().get(result.references().get(0).mask().key()));
    assertThat(mask.iou(Fixtures.groundTruthMask("P06_capture_1"))).isGreaterThan(0.85);
  }

  /**
   * A phone photo with GPS coordinates in its EXIF: the stored reference carries no EXIF at all.
   */
  @Test
  void gpsAndOtherExifAreStrippedFromTheStoredReference() {
    byte[] withGps =
        ExifFixtures.jpeg(Fixtures.bytes("P04_capture_1.jpg"), ExifFixtures.tiff(1, true));
    assertThat(JpegSegments.read(withGps)).anyMatch(s -> s.startsWith(JpegSegments.EXIF_ID));
    String key = "uploads/" + UUID.randomUUID() + "/gps.jpg";
    s3.store().put(key, withGps, "image/jpeg");

    CaptureResult result =
        capture.capture(new CaptureRequest(keys, List.of(new ReferencePhoto(key, "front"))));

    byte[] stored = s3.store().get(result.references().get(0).image().key());
    assertThat(JpegSegments.read(stored))
        .as("no APP1 (EXIF or XMP), no APP13 (IPTC), no COM")
        .noneMatch(s -> s.marker() == 0xE1 || s.marker() == 0xED || s.marker() == 0xFE);
    assertThat(indexOf(stored, ExifFixtures.tiff(1, true))).isNegative();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) if (haystack[i + k] != needle[k]) continue outer;
      return i;
    }
    return -1;
  }

  @Test
  void cmykPhotoIsStoredAsSrgb() throws Exception {
    CaptureResult result =
        capture.capture(new CaptureRequest(keys, List.of(upload("bad/cmyk.jpg", "front"))));
    Reference ref = result.references().get(0);
    RgbImage stored = ImageDecoder.decode(s3.store().get(ref.image().key()));
    assertThat(stored.width()).isEqualTo(2000);
    assertThat(stored.height()).isEqualTo(1500);
    // The gold reads as gold (the fixture is P01's 18k yellow gold).
    assertThat(ref.metal().b()).isGreaterThan(30);
    assertThat(ColourScience.deltaE2000(ref.metal(), Fixtures.measuredMetal("P01_capture_2")))
        .isLessThan(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad/empty.jpg | empty (0 bytes)",
        "bad/not_an_image.jpg | not an image: the content is text (text/plain)",
        "bad/truncated.jpg | truncated: no EOI marker",
        "bad/bomb_100000x100000.png | declares 100000x100000 pixels",
        "bad/tiny_300.jpg | 300x300 is below the minimum resolution",
        "bad/blurred.jpg | too blurry",
        "bad/under_exposed.jpg | under-exposed"
      })
  void everyBrokenPhotoFailsWithItsOwnReason(String fixture, String reason) {
    List<ReferencePhoto> photos = List.of(upload(fixture, "side"));

    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class, () -> capture.capture(new CaptureRequest(keys, photos)));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getOriginalMessage())
        .startsWith("Photo 1 (angle \"side\", uploads/")
        .contains(reason);
  }

  @Test
  void theFailureNamesWhichPhotoIsBroken() {
    List<ReferencePhoto> photos =
        List.of(upload("P04_capture_1.jpg", "front"), upload("bad/tiny_300.jpg", ""));
    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class, () -> capture.capture(new CaptureRequest(keys, photos)));
    assertThat(((ApplicationFailure) failure.getCause()).getOriginalMessage())
        .startsWith("Photo 2 (no angle tag, uploads/")
        .contains("300x300");
  }

  @Test
  void aMissingUploadIsAMissingObject() {
    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class,
            () ->
                capture.capture(
                    new CaptureRequest(
                        keys, List.of(new ReferencePhoto("uploads/none.jpg", "front")))));
    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.MISSING_OBJECT);
    assertThat(cause.getOriginalMessage()).contains("uploads/none.jpg");
  }

  private static boolean containsExif(byte[] jpeg) {
    for (int i = 0; i + 10 < Math.min(jpeg.length, 65536); i++) {
      if ((jpeg[i] & 0xFF) == 0xFF
          && (jpeg[i + 1] & 0xFF) == 0xE1
          && jpeg[i + 4] == 'E'
          && jpeg[i + 5] == 'x'
          && jpeg[i + 6] == 'i'
          && jpeg[i + 7] == 'f') {
        return true;
      }
    }
    return false;
  }
}
