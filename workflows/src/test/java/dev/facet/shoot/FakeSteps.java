package dev.facet.shoot;

import dev.facet.model.Box;
import dev.facet.model.ChannelImage;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.Lab;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.model.Score;
import dev.facet.model.ShotPrompt;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PostProcessRequest;
import dev.facet.steps.PromptActivities;
import dev.facet.steps.PromptRequest;
import dev.facet.steps.PublishActivities;
import dev.facet.steps.PublishRequest;
import dev.facet.steps.QaActivities;
import dev.facet.steps.QaRequest;
import dev.facet.steps.ScoreRequest;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.ShotPostProcessRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.ToDoubleFunction;

/**
 * Every step but generation, as simple in-memory fakes with knobs. They do no imaging: these tests
 * are about the workflow's decisions, retries and state.
 */
final class FakeSteps
    implements CaptureActivities,
        PromptActivities,
        ScoringActivities,
        PostProcessActivities,
        QaActivities,
        PublishActivities {

  static final ColourSignature SIGNATURE = new ColourSignature(new Lab(75, 5, 50), null);

  volatile ApplicationFailure captureFailure;
  volatile ToDoubleFunction<String> scoreOf = id -> 0.9;

  /** (round, shot) → whether QA passes. */
  volatile BiPredicate<Integer, String> qaPasses = (round, shot) -> true;

  final List<PromptRequest> promptRequests = new CopyOnWriteArrayList<>();
  final List<PostProcessRequest> postProcessed = new CopyOnWriteArrayList<>();
  final List<PublishRequest> published = new CopyOnWriteArrayList<>();

  @Override
  public CaptureResult capture(CaptureRequest request) {
    if (captureFailure != null) {
      throw captureFailure;
    }
    List<Reference> references =
        request.photos().stream()
            .map(
                p ->
                    new Reference(
                        request.photos().indexOf(p),
                        p.angle(),
                        image(request.keys().reference(request.photos().indexOf(p))),
                        image(request.keys().mask(request.photos().indexOf(p))),
                        null,
                        new Box(10, 10, 80, 80),
                        0.6,
                        SIGNATURE.metal(),
                        250,
                        List.of()))
            .toList();
    return new CaptureResult(references, SIGNATURE);
  }

  @Override
  public List<ShotPrompt> composePrompts(PromptRequest request) {
    promptRequests.add(request);
    return request.shots().stream()
        .map(
            s ->
                new ShotPrompt(
                    s.name(),
                    "a "
                        + request.product().type()
                        + ", "
                        + s.angle()
                        + (request.feedback().isEmpty() ? "" : "; fix: " + request.feedback())))
        .toList();
  }

  @Override
  public List<Score> score(ScoreRequest request) {
    return request.candidates().stream()
        .map(
            c -> {
              double total = scoreOf.applyAsDouble(c.id());
              return new Score(c.id(), total, total, total, 1.0, null);
            })
        .toList();
  }

  @Override
  public ChannelImage postProcess(PostProcessRequest request) {
    postProcessed.add(request);
    String key =
        request
            .keys()
            .output(
                request.candidate().round(), request.candidate().shot(), request.channel(), "jpg");
    return new ChannelImage(
        request.candidate().shot(), request.channel(), request.candidate().id(), image(key));
  }

  @Override
  public List<ChannelImage> postProcessShot(ShotPostProcessRequest request) {
    return request.channels().stream().map(c -> postProcess(request.forChannel(c))).toList();
  }

  @Override
  public QaReport inspect(QaRequest request) {
    String id = request.image().candidateId();
    int round = Integer.parseInt(id.substring(1, id.indexOf('-')));
    boolean passes = qaPasses.test(round, request.image().shot());
    return new QaReport(
        request.image().shot(),
        request.image().channel(),
        request.image().image(),
        List.of(
            new QaCheck(
                "metal-tone",
                passes ? 1.2 : 7.5,
                3.0,
                "<=",
                passes,
                true,
                passes ? "" : "metal looks rose, not yellow")));
  }

  @Override
  public ImageRef publish(PublishRequest request) {
    published.add(request);
    return new ImageRef(request.keys().manifest(), "0".repeat(64), 100, "application/json", 0, 0);
  }

  static ImageRef image(String key) {
    return new ImageRef(key, "0".repeat(64), 1000, "image/png", 2000, 2000);
  }
}
