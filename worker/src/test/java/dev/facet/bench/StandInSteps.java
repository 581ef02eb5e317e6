package dev.facet.bench;

import dev.facet.consistency.Look;
import dev.facet.model.Box;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.Lab;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.Score;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PostProcessRequest;
import dev.facet.steps.QaActivities;
import dev.facet.steps.QaRequest;
import dev.facet.steps.ScoreRequest;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.ShotPostProcessRequest;
import dev.facet.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant-time stand-ins for the imaging steps (capture, scoring, post-processing, QA), so the
 * catalog benchmark measures orchestration and provider I/O, not our pixel code: the real steps
 * cost seconds of CPU per product and are measured by the imaging benchmark. They keep the real
 * steps' contracts (references are stored objects, every candidate is scored, every channel gets an
 * image with QA evidence) without decoding a pixel.
 */
final class StandInSteps
    implements CaptureActivities, ScoringActivities, PostProcessActivities, QaActivities {

  static final String EVIDENCE = "benchmark stand-in: no imaging";

  private static final Lab GOLD = new Lab(80, 2, 30);

  private final ObjectStore store;

  StandInSteps(ObjectStore store) {
    this.store = store;
  }

  /** One reference per photo, pointing at the uploaded object itself (one HEAD each). */
  @Override
  public CaptureResult capture(CaptureRequest request) {
    List<Reference> references = new ArrayList<>();
    for (ReferencePhoto photo : request.photos()) {
      ImageRef image =
          store
              .find(photo.key())
              .orElseThrow(() -> new IllegalStateException("no photo at " + photo.key()));
      references.add(
          new Reference(
              references.size(),
              photo.angle(),
              image,
              null,
              null,
              new Box(0, 0, image.width(), image.height()),
              0.8,
              GOLD,
              100,
              List.of()));
    }
    return new CaptureResult(references, new ColourSignature(GOLD, null));
  }

  /** Above the automatic threshold, best first by variant number. */
  @Override
  public List<Score> score(ScoreRequest request) {
    return request.candidates().stream()
        .map(
            c -> {
              double total = 0.95 - 0.01 * c.variant();
              return new Score(c.id(), total, total, total, 1.0, null);
            })
        .toList();
  }

  /** The candidate itself stands for the channel's finished image. */
  @Override
  public ChannelImage postProcess(PostProcessRequest request) {
    Candidate candidate = request.candidate();
    return new ChannelImage(candidate.shot(), request.channel(), candidate.id(), candidate.image());
  }

  @Override
  public List<ChannelImage> postProcessShot(ShotPostProcessRequest request) {
    return request.channels().stream().map(c -> postProcess(request.forChannel(c))).toList();
  }

  /** The catalog's look of a published product, as its measurer would find a studio render. */
  static Look look(String sku, String key, byte[] photo) {
    return new Look(sku, key, 100, 6500, 0.8);
  }

  /** One passing blocking check that says what it is. */
  @Override
  public QaReport inspect(QaRequest request) {
    ChannelImage image = request.image();
    return new QaReport(
        image.shot(),
        image.channel(),
        image.image(),
        List.of(new QaCheck("stand-in", 1, 1, ">=", true, true, EVIDENCE)));
  }
}
