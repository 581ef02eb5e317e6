package dev.facet.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.Score;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.QaActivities;
import dev.facet.steps.RoundQaRequest;
import dev.facet.steps.ScoreRequest;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.ShootKeys;
import dev.facet.steps.ShotPostProcessRequest;
import dev.facet.testing.CountingStore;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.Fixtures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A shoot's steps read each stored image once: a store that counts reads per key watches one round
 * of a two-shot shoot (two reference photos, two variants per shot, two channels) through capture,
 * scoring, post-process and QA. Every read of a stored image is a decode, so this is the decode
 * count: capture analyses each photo once and stores the product's view, and nothing after it reads
 * a reference photo or its mask again.
 */
class ImageReadsTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  private static final StyleGuide STYLE = StyleGuide.whiteStudio();
  private static final List<String> CHANNELS = List.of("amazon-main", "master");

  private final CountingStore store = new CountingStore(s3.store());
  private final TestActivityEnvironment env = TestActivityEnvironment.newInstance();

  @BeforeEach
  void registerSteps() {
    StepActivities steps = StepActivities.create(store);
    env.registerActivitiesImplementations(steps.shootQueue().toArray());
    env.registerActivitiesImplementations(steps.generators().get("studio"));
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void eachStepReadsEachImageOnce() {
    ShootKeys keys = ShootKeys.of("shoot-reads", "run-1");
    List<ReferencePhoto> photos = new ArrayList<>();
    for (String name : List.of("P05_capture_1", "P05_capture_3")) {
      String upload = "uploads/P05/" + name + ".jpg";
      s3.store().put(upload, Fixtures.bytes(name + ".jpg"), "image/jpeg");
      photos.add(new ReferencePhoto(upload, name.endsWith("1") ? "front" : "side"));
    }

    CaptureResult captured =
        stub(CaptureActivities.class).capture(new CaptureRequest(keys, photos));
    assertReadOnce(
        "capture", store.readsSinceLast(), photos.stream().map(ReferencePhoto::key).toList());
    List<Reference> references = captured.references();
    assertThat(references).allSatisfy(r -> assertThat(r.view()).isNotNull());

    List<Candidate> candidates = new ArrayList<>();
    for (ShotSpec shot : STYLE.shots()) {
      for (int variant = 1; variant <= 2; variant++) {
        candidates.add(studioCandidate(keys, captured, shot, variant));
      }
    }
    // The studio re-shoots a reference photo: the photo and its cut-out once, for every variant.
    assertReadOnce(
        "generate",
        store.readsSinceLast(),
        references.stream().flatMap(r -> Stream.of(r.image().key(), r.mask().key())).toList());

    List<Score> scores =
        stub(ScoringActivities.class)
            .score(new ScoreRequest(keys, references, captured.signature(), candidates));
    // The studio hands over each candidate's exact cut-out: scoring keeps nothing of its own.
    assertThat(scores).allSatisfy(score -> assertThat(score.analysis()).isNull());
    assertReadOnce(
        "score",
        store.readsSinceLast(),
        Stream.concat(
                candidates.stream().map(c -> c.image().key()),
                references.stream().map(r -> r.view().key()))
            .toList());

    List<ChannelImage> finished = new ArrayList<>();
    List<Candidate> selected = List.of(candidates.get(0), candidates.get(2));
    for (Candidate candidate : selected) {
      finished.addAll(
          stub(PostProcessActivities.class)
              .postProcessShot(
                  new ShotPostProcessRequest(
                      keys, candidate, null, captured.signature(), CHANNELS)));
    }
    assertReadOnce(
        "post-process",
        store.readsSinceLast(),
        selected.stream().flatMap(c -> Stream.of(c.image().key(), c.cutout().key())).toList());

    // As a shoot inspects a round: all its images in one activity, side by side.
    List<QaReport> reports =
        stub(QaActivities.class)
            .inspectRound(new RoundQaRequest(references, captured.signature(), finished));
    assertThat(reports)
        .extracting(QaReport::image)
        .containsExactlyElementsOf(finished.stream().map(ChannelImage::image).toList());
    assertThat(reports).allSatisfy(r -> assertThat(r.passed()).as(r.checks().toString()).isTrue());
    // The views were read once, for scoring: QA of all four images compares with them as read then.
    assertReadOnce(
        "QA", store.readsSinceLast(), finished.stream().map(i -> i.image().key()).toList());
  }

  /**
   * A generative provider's candidate has no cut-out of its own: scoring keeps what it found in it,
   * and post-processing reads that instead of matting the candidate again, for the same image.
   */
  @Test
  void aGeneratedCandidateIsFinishedFromWhatScoringFound() {
    ShootKeys keys = ShootKeys.of("shoot-finding", "run-1");
    String upload = "uploads/P05/P05_capture_1.jpg";
    s3.store().put(upload, Fixtures.bytes("P05_capture_1.jpg"), "image/jpeg");
    CaptureResult captured =
        stub(CaptureActivities.class)
            .capture(new CaptureRequest(keys, List.of(new ReferencePhoto(upload, "front"))));
    ShotSpec shot = STYLE.shots().get(0);
    Candidate rendered = studioCandidate(keys, captured, shot, 1);
    // As an image model returns it: the picture alone.
    Candidate generated =
        new Candidate(
            rendered.id(),
            rendered.round(),
            rendered.shot(),
            rendered.variant(),
            "openai",
            "gpt-image-1",
            rendered.image(),
            null,
            1,
            0.04);

    Score score =
        stub(ScoringActivities.class)
            .score(
                new ScoreRequest(
                    keys, captured.references(), captured.signature(), List.of(generated)))
            .get(0);
    assertThat(score.analysis().key()).isEqualTo(keys.analysis(1, shot.name(), 1));
    store.readsSinceLast();

    long t0 = System.nanoTime();
    List<ChannelImage> fromFinding =
        stub(PostProcessActivities.class)
            .postProcessShot(
                new ShotPostProcessRequest(
                    keys, generated, score.analysis(), captured.signature(), CHANNELS));
    assertReadOnce(
        "post-process",
        store.readsSinceLast(),
        List.of(generated.image().key(), score.analysis().key()));

    long t1 = System.nanoTime();
    ShootKeys anew = ShootKeys.of("shoot-finding", "run-2");
    List<ChannelImage> matted =
        stub(PostProcessActivities.class)
            .postProcessShot(
                new ShotPostProcessRequest(anew, generated, null, captured.signature(), CHANNELS));
    System.out.printf(
        "post-process from the finding %d ms, matting again %d ms%n",
        (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    for (int i = 0; i < CHANNELS.size(); i++) {
      RgbImage a = decode(fromFinding.get(i)), b = decode(matted.get(i));
      double difference = meanDifference(a, b);
      System.out.printf(
          "%s: finished from the finding vs matted again: mean |difference| %.3f levels%n",
          CHANNELS.get(i), difference);
      assertThat(difference).as(CHANNELS.get(i)).isLessThan(0.5);
    }
  }

  /** Round 1's variant of a shot, rendered by the studio from the captured references. */
  private Candidate studioCandidate(
      ShootKeys keys, CaptureResult captured, ShotSpec shot, int variant) {
    return stub(GenerationActivities.class)
        .generate(
            new GenerateRequest(
                keys,
                1,
                shot,
                variant,
                new ShotPrompt(shot.name(), "prompt"),
                captured.references(),
                captured.signature(),
                STYLE,
                "studio"));
  }

  private RgbImage decode(ChannelImage image) {
    try {
      return ImageDecoder.decode(s3.store().get(image.image().key()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mean absolute difference per channel, in 8-bit levels. */
  private static double meanDifference(RgbImage a, RgbImage b) {
    assertThat(b.width()).isEqualTo(a.width());
    assertThat(b.height()).isEqualTo(a.height());
    long sum = 0;
    int[] pa = a.pixels(), pb = b.pixels();
    for (int i = 0; i < pa.length; i++) {
      sum += Math.abs(RgbImage.red(pa[i]) - RgbImage.red(pb[i]));
      sum += Math.abs(RgbImage.green(pa[i]) - RgbImage.green(pb[i]));
      sum += Math.abs(RgbImage.blue(pa[i]) - RgbImage.blue(pb[i]));
    }
    return sum / (3.0 * pa.length);
  }

  private static void assertReadOnce(
      String step, Map<String, Integer> reads, List<String> expected) {
    System.out.println(step + " reads " + reads);
    assertThat(reads).as(step + ": keys read, and how often").containsOnlyKeys(expected);
    assertThat(reads.values()).as(step + ": reads of one key").containsOnly(1);
  }

  private <T> T stub(Class<T> activities) {
    return env.newActivityStub(
        activities,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }
}
