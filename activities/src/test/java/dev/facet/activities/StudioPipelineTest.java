package dev.facet.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.ColourScience;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.QualityInspector;
import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.model.Lab;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.Score;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PostProcessRequest;
import dev.facet.steps.PublishActivities;
import dev.facet.steps.PublishRequest;
import dev.facet.steps.QaActivities;
import dev.facet.steps.QaRequest;
import dev.facet.steps.ScoreRequest;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.ShootKeys;
import dev.facet.steps.ShotPostProcessRequest;
import dev.facet.testing.Blur;
import dev.facet.testing.CountingStore;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.Fixtures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The studio path end to end on the real embedded S3 through Temporal's activity test environment:
 * capture → generate → score → post-process → QA → publish, for all six fixture pieces, and QA
 * against deliberately altered images.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioPipelineTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  private static final StyleGuide STYLE = StyleGuide.whiteStudio();
  private static final ShotSpec HERO = STYLE.shots().get(0);

  private TestActivityEnvironment env;
  private CaptureActivities capture;
  private GenerationActivities generator;
  private ScoringActivities scoring;
  private PostProcessActivities postProcess;
  private QaActivities qa;
  private PublishActivities publish;

  /** Per product: what capture measured, the hero candidate and its amazon-main image. */
  private final Map<String, Shoot> shoots = new LinkedHashMap<>();

  record Shoot(
      ShootKeys keys,
      CaptureResult captured,
      Candidate hero,
      ChannelImage amazon,
      long postProcessMillis) {}

  @BeforeAll
  void shootAllSixPieces() {
    env = TestActivityEnvironment.newInstance();
    StepActivities steps = StepActivities.create(s3.store());
    env.registerActivitiesImplementations(steps.shootQueue().toArray());
    env.registerActivitiesImplementations(steps.generators().get("studio"));
    ActivityOptions options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();
    capture = env.newActivityStub(CaptureActivities.class, options);
    generator = env.newActivityStub(GenerationActivities.class, options);
    scoring = env.newActivityStub(ScoringActivities.class, options);
    postProcess = env.newActivityStub(PostProcessActivities.class, options);
    qa = env.newActivityStub(QaActivities.class, options);
    publish = env.newActivityStub(PublishActivities.class, options);

    for (String name : Fixtures.firstCaptures()) {
      String product = name.substring(0, 3);
      ShootKeys keys = ShootKeys.of("shoot-" + product, "run-1");
      String upload = "uploads/" + product + "/" + name + ".jpg";
      s3.store().put(upload, Fixtures.bytes(name + ".jpg"), "image/jpeg");
      long tc = System.nanoTime();
      CaptureResult captured =
          capture.capture(new CaptureRequest(keys, List.of(new ReferencePhoto(upload, "front"))));
      long tg = System.nanoTime();
      Candidate hero = generator.generate(request(keys, captured, 1, 1));
      long t0 = System.nanoTime();
      System.out.printf(
          "%s: capture %d ms, generate %d ms%n",
          product, (tg - tc) / 1_000_000, (t0 - tg) / 1_000_000);
      ChannelImage amazon =
          postProcess.postProcess(
              new PostProcessRequest(keys, hero, null, captured.signature(), "amazon-main"));
      shoots.put(
          product, new Shoot(keys, captured, hero, amazon, (System.nanoTime() - t0) / 1_000_000));
    }
  }

  @AfterAll
  void closeEnvironment() {
    env.close();
  }

  private static GenerateRequest request(
      ShootKeys keys, CaptureResult captured, int round, int variant) {
    return new GenerateRequest(
        keys,
        round,
        HERO,
        variant,
        new ShotPrompt(HERO.name(), "prompt"),
        captured.references(),
        captured.signature(),
        STYLE,
        "studio");
  }

  @Test
  void faithfulStudioOutputsOfEveryPiecePassQa() {
    System.out.println(
        "piece  metal-tone  silhouette  sharpness  fill   background  border  post-process");
    shoots.forEach(
        (product, shoot) -> {
          QaReport report =
              qa.inspect(
                  new QaRequest(
                      shoot.captured().references(), shoot.captured().signature(), shoot.amazon()));
          System.out.printf(
              "%s    %6.2f      %6.3f      %6.2f    %5.3f  %7.4f    %5.3f   %d ms%n",
              product,
              value(report, "metal-tone"),
              value(report, "silhouette"),
              value(report, "sharpness"),
              value(report, "fill"),
              value(report, "background"),
              value(report, "background-border"),
              shoot.postProcessMillis());
          assertThat(report.checks())
              .filteredOn(QaCheck::blocking)
              .allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.detail()).isTrue());
          assertThat(report.passed()).isTrue();
        });
  }

  /**
   * The renderer's calibration: each hero's metal against the manifest's metal of the studio ideal
   * photographed from the same angle. The renders are written to target/renders for a look.
   */
  @Test
  void heroMetalMatchesTheStudioIdeals() throws Exception {
    java.nio.file.Path dir =
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "renders"));
    dev.facet.imaging.ProductAnalyzer analyzer = new dev.facet.imaging.ProductAnalyzer();
    List<Double> deltas = new java.util.ArrayList<>();
    shoots.forEach(
        (product, shoot) -> {
          byte[] bytes = s3.store().get(shoot.hero().image().key());
          RgbImage hero = image(shoot.hero().image());
          Lab metal = analyzer.analyse(hero).measurements().orElseThrow().metal();
          Lab ideal = Fixtures.measuredMetal(product + "_studio");
          double de = ColourScience.deltaE2000(metal, ideal);
          deltas.add(de);
          System.out.printf(
              "%s hero metal (%.1f, %.1f, %.1f) vs studio ideal (%.1f, %.1f, %.1f): ΔE2000 %.2f%n",
              product, metal.l(), metal.a(), metal.b(), ideal.l(), ideal.a(), ideal.b(), de);
          try {
            java.nio.file.Files.write(dir.resolve(product + "_hero.jpg"), bytes);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    double mean = deltas.stream().mapToDouble(d -> d).average().orElseThrow();
    System.out.printf("mean ΔE2000 to the studio ideals %.2f%n", mean);
    assertThat(mean).isLessThan(3.0);
    assertThat(deltas).allSatisfy(d -> assertThat(d).isLessThan(6.0));
  }

  @Test
  void amazonMainIsAWhiteSquareOfTheRightSize() throws Exception {
    for (Shoot shoot : shoots.values()) {
      ImageRef ref = shoot.amazon().image();
      assertThat(ref.key()).isEqualTo(shoot.keys().output(1, "hero", "amazon-main", "jpg"));
      assertThat(ref.mediaType()).isEqualTo("image/jpeg");
      RgbImage decoded = ImageDecoder.decode(s3.store().get(ref.key()));
      assertThat(decoded.width()).isEqualTo(2000);
      assertThat(decoded.height()).isEqualTo(2000);
      assertThat(QualityInspector.borderPurity(decoded, 0xFFFFFF)).isEqualTo(1.0);
      assertThat(decoded.rgb(0, 0)).isEqualTo(0xFFFFFF);
    }
  }

  @Test
  void theMasterChannelAndUnknownChannels() {
    Shoot shoot = shoots.get("P02");
    ChannelImage master =
        postProcess.postProcess(
            new PostProcessRequest(
                shoot.keys(), shoot.hero(), null, shoot.captured().signature(), "master"));
    QaReport report =
        qa.inspect(
            new QaRequest(shoot.captured().references(), shoot.captured().signature(), master));
    assertThat(report.passed()).as(report.checks().toString()).isTrue();
    assertThat(value(report, "fill")).isBetween(0.75, 0.85);

    ActivityFailure failure =
        catchThrowableOfType(
            ActivityFailure.class,
            () ->
                postProcess.postProcess(
                    new PostProcessRequest(
                        shoot.keys(),
                        shoot.hero(),
                        null,
                        shoot.captured().signature(),
                        "etsy-listing")));
    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertThat(cause.getType()).isEqualTo(FailureTypes.INVALID_INPUT);
    assertThat(cause.getOriginalMessage())
        .contains("Unknown channel \"etsy-listing\"", "amazon-main", "master");
  }

  @Test
  void allChannelsOfAShotComeFromOneReadOfTheCandidate() throws Exception {
    Shoot shoot = shoots.get("P03");
    ShootKeys keys = ShootKeys.of("shoot-P03", "one-pass");
    CountingStore counting = new CountingStore(s3.store());
    PostProcessActivities post = new PostProcessActivitiesImpl(counting, ChannelPresets.builtIn());
    ShotPostProcessRequest request =
        new ShotPostProcessRequest(
            keys,
            shoot.hero(),
            null,
            shoot.captured().signature(),
            List.of("amazon-main", "ebay", "master"));

    List<ChannelImage> images = post.postProcessShot(request);

    assertThat(images)
        .extracting(ChannelImage::channel)
        .containsExactly("amazon-main", "ebay", "master");
    assertThat(images)
        .extracting(i -> i.image().key())
        .containsExactly(
            keys.output(1, "hero", "amazon-main", "jpg"),
            keys.output(1, "hero", "ebay", "jpg"),
            keys.output(1, "hero", "master", "jpg"));
    for (ChannelImage image : images) {
      ChannelPreset preset = ChannelPresets.builtIn().get(image.channel());
      assertThat(ImageDecoder.decode(s3.store().get(image.image().key())).longSide())
          .as(image.channel())
          .isEqualTo(Math.max(preset.width(), preset.height()));
    }
    // The candidate and its cut-out, each read once for all three channels.
    assertThat(shoot.hero().cutout()).isNotNull();
    assertThat(counting.downloads()).hasValue(2);

    // A retry after every image was stored reads and finishes nothing again.
    assertThat(post.postProcessShot(request)).isEqualTo(images);
    assertThat(counting.downloads()).hasValue(2);

    // One unknown channel fails the step before anything is finished.
    ShootKeys other = ShootKeys.of("shoot-P03", "unknown-channel");
    assertThatThrownBy(
            () ->
                post.postProcessShot(
                    new ShotPostProcessRequest(
                        other,
                        shoot.hero(),
                        null,
                        shoot.captured().signature(),
                        List.of("amazon-main", "etsy-listing"))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_INPUT))
        .hasMessageContaining("Unknown channel \"etsy-listing\"");
    assertThat(s3.store().find(other.output(1, "hero", "amazon-main", "jpg"))).isEmpty();
  }

  @Test
  void aStoredCandidateIsReturnedWithoutRendering() {
    Shoot shoot = shoots.get("P01");
    GenerateRequest request = request(shoot.keys(), shoot.captured(), 5, 1);
    long t0 = System.nanoTime();
    Candidate first = generator.generate(request);
    long t1 = System.nanoTime();
    Candidate second = generator.generate(request);
    long t2 = System.nanoTime();
    System.out.printf(
        "generate: %d ms rendering, %d ms finding the stored candidate%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    assertThat(second).isEqualTo(first);
    assertThat(first.id()).isEqualTo("r5-hero-v1");
    assertThat(first.provider()).isEqualTo("studio");
    assertThat(first.costUsd()).isZero();
    // The attempt comes from the activity context; the test environment numbers it 0, the
    // server from 1.
    assertThat(first.attempts()).isLessThanOrEqualTo(1);
    // Proof that nothing is rendered: replace the stored object; a render would overwrite it.
    byte[] marker = ImageEncoder.jpeg(RgbImage.filled(8, 8, 0x123456), 0.9f);
    ImageRef placed = s3.store().put(first.image().key(), marker, "image/jpeg", 8, 8);
    Candidate third = generator.generate(request);
    assertThat(third.image()).isEqualTo(placed);
    assertThat(s3.store().get(first.image().key())).isEqualTo(marker);
  }

  @Test
  void variantsAreDeterministicAndDiffer() {
    Shoot shoot = shoots.get("P06");
    Candidate v2 = generator.generate(request(shoot.keys(), shoot.captured(), 7, 2));
    ShootKeys elsewhere = new ShootKeys(shoot.keys().prefix() + "-again");
    Candidate v2Again = generator.generate(request(elsewhere, shoot.captured(), 7, 2));
    Candidate v3 = generator.generate(request(shoot.keys(), shoot.captured(), 7, 3));
    Candidate nextRound = generator.generate(request(shoot.keys(), shoot.captured(), 8, 2));
    assertThat(v2.image().key()).isNotEqualTo(v2Again.image().key());
    assertThat(v2Again.image().sha256()).isEqualTo(v2.image().sha256());
    assertThat(v3.image().sha256()).isNotEqualTo(v2.image().sha256());
    assertThat(nextRound.image().sha256()).isNotEqualTo(v2.image().sha256());
  }

  @Test
  void faithfulCandidatesOutscoreAlteredOnes() {
    Shoot shoot = shoots.get("P01");
    RgbImage hero = image(shoot.hero().image());
    Candidate rose = storeCandidate(shoot, "rose", recolour(hero, 14, -20));
    Candidate squashed = storeCandidate(shoot, "squashed", squash(hero));
    List<Score> scores =
        scoring.score(
            new ScoreRequest(
                shoot.keys(),
                shoot.captured().references(),
                shoot.captured().signature(),
                List.of(shoot.hero(), rose, squashed)));
    scores.forEach(
        s ->
            System.out.printf(
                "%s: fidelity %.3f sharpness %.3f total %.3f tone ΔE %.2f%n",
                s.candidateId(), s.fidelity(), s.sharpness(), s.total(), s.metalDeltaE()));
    Score faithful = scores.get(0);
    assertThat(faithful.candidateId()).isEqualTo(shoot.hero().id());
    assertThat(faithful.fidelity()).isGreaterThan(0.85);
    assertThat(faithful.sharpness()).isGreaterThan(0.7);
    assertThat(faithful.metalDeltaE()).isLessThan(3);
    assertThat(scores.get(1).metalDeltaE()).isGreaterThan(8);
    assertThat(scores.get(1).total()).isLessThan(faithful.total() - 0.1);
    assertThat(scores.get(2).fidelity()).isLessThan(faithful.fidelity() - 0.05);
  }

  @Test
  void alteredImagesFailTheMatchingCheck() {
    Shoot p01 = shoots.get("P01");
    RgbImage gold = image(p01.amazon().image());
    assertFails(p01, "rose", recolour(gold, 14, -20), "metal-tone");
    assertFails(
        p01, "off-white", replace(gold, 0xFFFFFF, 0xFAFAF8), "background-border", "background");
    assertFails(p01, "tiny", shrink(gold, 0.4), "fill");
    assertFails(p01, "blurred", blur(gold, 4), "sharpness");
    assertFails(p01, "squashed", squash(gold), "silhouette");
    Shoot p03 = shoots.get("P03");
    assertFails(p03, "mirrored", image(p03.amazon().image()).mirrored(), "silhouette");
  }

  @Test
  void publishWritesTheManifestOnce() throws Exception {
    Shoot shoot = shoots.get("P04");
    QaReport report =
        qa.inspect(
            new QaRequest(
                shoot.captured().references(), shoot.captured().signature(), shoot.amazon()));
    PublishRequest request =
        new PublishRequest(
            shoot.keys(),
            "shoot-P04",
            new dev.facet.model.ProductSpec(
                "P04", "Studs", "earrings", "18k white gold", List.of(), "", ""),
            1,
            List.of(shoot.amazon()),
            List.of(report),
            0.0,
            "ana");
    ImageRef manifest = publish.publish(request);
    ImageRef again = publish.publish(request);
    assertThat(again).isEqualTo(manifest);
    assertThat(manifest.key()).isEqualTo(shoot.keys().manifest());
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(s3.store().get(manifest.key()));
    assertThat(json.get("sku").asText()).isEqualTo("P04");
    assertThat(json.get("approvedBy").asText()).isEqualTo("ana");
    var image = json.get("images").get(0);
    assertThat(image.get("key").asText()).isEqualTo(shoot.amazon().image().key());
    assertThat(image.get("sha256").asText()).isEqualTo(shoot.amazon().image().sha256()).hasSize(64);
    assertThat(image.get("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(image.at("/qa/passed").asBoolean()).isTrue();
    assertThat(image.at("/qa/checks")).hasSizeGreaterThan(5);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private void assertFails(Shoot shoot, String label, RgbImage altered, String... failing) {
    String key = shoot.keys().output(9, "altered", label, "jpg");
    ImageRef ref =
        s3.store()
            .put(
                key,
                ImageEncoder.jpeg(altered, 0.92f),
                "image/jpeg",
                altered.width(),
                altered.height());
    QaReport report =
        qa.inspect(
            new QaRequest(
                shoot.captured().references(),
                shoot.captured().signature(),
                new ChannelImage("hero", "amazon-main", "altered", ref)));
    System.out.printf(
        "%-10s failed %s; %s%n",
        label,
        report.checks().stream()
            .filter(c -> !c.passed())
            .map(c -> c.name() + String.format("=%.3f", c.value()))
            .toList(),
        report.checks().stream()
            .filter(c -> List.of(failing).contains(c.name()))
            .map(QaCheck::detail)
            .toList());
    for (String check : failing) {
      assertThat(report.checks())
          .filteredOn(c -> c.name().equals(check))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c.passed())
                      .as(label + " should fail " + check + ": " + c.detail())
                      .isFalse());
    }
    assertThat(report.passed()).isFalse();
  }

  private Candidate storeCandidate(Shoot shoot, String label, RgbImage image) {
    String key = shoot.keys().candidate(9, label, 1, "jpg");
    ImageRef ref =
        s3.store()
            .put(key, ImageEncoder.jpeg(image, 0.95f), "image/jpeg", image.width(), image.height());
    return new Candidate(Candidate.id(9, label, 1), 9, label, 1, "test", null, ref, null, 1, 0);
  }

  private static RgbImage image(ImageRef ref) {
    try {
      return ImageDecoder.decode(s3.store().get(ref.key()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double value(QaReport report, String check) {
    return report.checks().stream()
        .filter(c -> c.name().equals(check))
        .findFirst()
        .orElseThrow()
        .value();
  }

  /** Shifts a*, b* of coloured (metal) pixels: (+14, −20) turns 18k yellow gold rose. */
  static RgbImage recolour(RgbImage image, double da, double db) {
    return map(
        image,
        p -> {
          Lab lab = ColourScience.lab(p);
          if (Math.hypot(lab.a(), lab.b()) < 8) return p;
          return ColourScience.toRgb(new Lab(lab.l(), lab.a() + da, lab.b() + db));
        });
  }

  static RgbImage replace(RgbImage image, int from, int to) {
    return map(image, p -> p == from ? to : p);
  }

  private static RgbImage map(RgbImage image, java.util.function.IntUnaryOperator f) {
    int[] out = new int[image.pixels().length];
    for (int i = 0; i < out.length; i++) out[i] = f.applyAsInt(image.pixels()[i]);
    return new RgbImage(image.width(), image.height(), out);
  }

  /** The whole picture scaled down and centred on white. */
  static RgbImage shrink(RgbImage image, double factor) {
    int w = (int) (image.width() * factor), h = (int) (image.height() * factor);
    RgbImage small = Resampler.resize(image, w, h);
    RgbImage out = RgbImage.filled(image.width(), image.height(), 0xFFFFFF);
    int left = (image.width() - w) / 2, top = (image.height() - h) / 2;
    for (int y = 0; y < h; y++)
      System.arraycopy(small.pixels(), y * w, out.pixels(), (top + y) * image.width() + left, w);
    return out;
  }

  /** The product squeezed to 70 % of its width, centred: a different outline, same colours. */
  static RgbImage squash(RgbImage image) {
    int w = (int) (image.width() * 0.7);
    RgbImage narrow = Resampler.resize(image, w, image.height());
    RgbImage out = RgbImage.filled(image.width(), image.height(), 0xFFFFFF);
    int left = (image.width() - w) / 2;
    for (int y = 0; y < image.height(); y++)
      System.arraycopy(narrow.pixels(), y * w, out.pixels(), y * image.width() + left, w);
    return out;
  }

  static RgbImage blur(RgbImage image, double sigma) {
    return Blur.gaussian(image, sigma);
  }
}
