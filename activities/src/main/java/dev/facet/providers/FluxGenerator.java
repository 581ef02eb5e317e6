package dev.facet.providers;

import dev.facet.metrics.FacetMetrics;
import dev.facet.steps.GenerationMeter;
import dev.facet.steps.Providers;
import dev.facet.model.Candidate;
import dev.facet.model.Reference;
import dev.facet.providers.flux.FluxCheckpoint;
import dev.facet.providers.flux.FluxClient;
import dev.facet.providers.flux.FluxJob;
import dev.facet.providers.flux.FluxModel;
import dev.facet.providers.flux.FluxOptions;
import dev.facet.providers.flux.FluxPoll;
import dev.facet.providers.flux.FluxPoller;
import dev.facet.providers.flux.FluxStatus;
import dev.facet.providers.flux.FluxTask;
import dev.facet.steps.GenerateRequest;
import dev.facet.storage.ObjectStore;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates candidates with Black Forest Labs FLUX: submit, poll, download, store. The task is
 * heartbeated as soon as it is paid for, so a retry after a crash resumes polling the same task
 * (research B.9: BFL has no idempotency key). Registered on {@code TaskQueues.generation("flux")}.
 */
public final class FluxGenerator implements PaidGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(FluxGenerator.class);

  private final GeneratedCandidates candidates;
  private final FluxClient client;
  private final FluxPoller poller;
  private final FluxOptions defaults;
  private final ProviderErrors errors;

  public FluxGenerator(
      ObjectStore store,
      FluxClient client,
      FluxPoller poller,
      FluxOptions defaults,
      ProviderErrors errors) {
    this.candidates = new GeneratedCandidates(store);
    this.client = client;
    this.poller = poller;
    this.defaults = defaults;
    this.errors = errors;
  }

  public FluxGenerator(ObjectStore store, FluxClient client, FluxOptions defaults) {
    this(store, client, new FluxPoller(client), defaults, ProviderErrors.systemClock());
  }

  @Override
  public String defaultModel() {
    return defaults.model().endpoint();
  }

  @Override
  public Optional<String> modelProblem(String model) {
    return FluxModel.byEndpoint(model).isPresent()
        ? Optional.empty()
        : Optional.of("FLUX has no model '" + model + "' that Facet runs; it runs " + FluxModel.endpoints());
  }

  @Override
  public Candidate generate(GenerateRequest request) {
    return GenerationMeter.measure(Providers.FLUX, meter -> generate(request, meter));
  }

  private Candidate generate(GenerateRequest request, GenerationMeter meter) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    int attempt = activity.getInfo().getAttempt();
    String id = GeneratedCandidates.id(request);
    FluxOptions options = defaults.withModel(FluxModel.byEndpoint(modelOf(request, attempt)).orElseThrow());
    double listPrice = options.model().listPriceUsd();
    Optional<Candidate> existing =
        candidates.existing(request, options.outputFormat(), options.model().endpoint(), listPrice, attempt);
    if (existing.isPresent()) {
      ledger(options, 0, ProviderCall.REUSED, null, id);
      meter.ended(FacetMetrics.REUSED);
      return existing.get();
    }

    Run run = new Run(request, options, activity, attempt);
    try {
      GeneratedImage image = run.toImage();
      Candidate candidate =
          candidates.save(
              request, options.outputFormat(), image, options.model().endpoint(), run.costUsd(), attempt);
      ledger(options, 0, ProviderCall.OK, run.taskId(), id);
      meter.ended(FacetMetrics.OK);
      return candidate;
    } catch (ProviderException e) {
      ledger(options, 0, e.failure().type(), run.taskId(), id);
      meter.ended(e.failure().type());
      throw e.toApplicationFailure(attempt);
    }
  }

  /** Same request, same seed: a rerun of a variant asks for the same picture. */
  static long seed(GenerateRequest request) {
    long styleSeed = request.style() == null ? 0 : request.style().seed();
    return Math.floorMod(
        Objects.hash(styleSeed, request.round(), request.shot().name(), request.variant()),
        Integer.MAX_VALUE);
  }

  private static void ledger(
      FluxOptions options, double costUsd, String outcome, String taskId, String candidateId) {
    String size =
        options.model().editsInputImage()
            ? options.aspectRatio()
            : options.width() + "x" + options.height();
    new ProviderCall(
            Providers.FLUX, options.model().endpoint(), size, costUsd, outcome, taskId, candidateId)
        .write();
  }

  /** What a task gave: its image, or why there is none. */
  private record Collected(GeneratedImage image, String lostBecause) {
    static Collected image(GeneratedImage image) {
      return new Collected(image, null);
    }

    static Collected lost(String because) {
      return new Collected(null, because);
    }
  }

  /** One activity attempt: resumes the heartbeated task, or submits a new one. */
  private final class Run {
    private final GenerateRequest request;
    private final FluxOptions options;
    private final ActivityExecutionContext activity;
    private final int attempt;
    private FluxCheckpoint checkpoint;

    Run(GenerateRequest request, FluxOptions options, ActivityExecutionContext activity, int attempt) {
      this.request = request;
      this.options = options;
      this.activity = activity;
      this.attempt = attempt;
      this.checkpoint = activity.getHeartbeatDetails(FluxCheckpoint.class).orElse(null);
    }

    GeneratedImage toImage() {
      if (checkpoint == null) {
        paid(FluxCheckpoint.first(client.submit(job())));
      } else {
        LOG.info("Resuming BFL task {} of {}", checkpoint.task().id(), GeneratedCandidates.id(request));
      }
      while (true) {
        Collected collected = collect(checkpoint.task());
        if (collected.image() != null) {
          return collected.image();
        }
        if (checkpoint.submissions() >= options.maxSubmissions()) {
          throw ProviderException.builder(
                  ProviderFailure.UNAVAILABLE,
                  Providers.FLUX,
                  checkpoint.submissions() + " paid task(s) gave no image (last: "
                      + collected.lostBecause() + "); not paying for another")
              .requestId(checkpoint.task().id())
              .doNotRetry()
              .build();
        }
        LOG.warn("BFL task {} gave no image ({}); submitting again",
            checkpoint.task().id(), collected.lostBecause());
        paid(checkpoint.resubmitted(client.submit(job())));
      }
    }

    /** Polls the task to its end and downloads the result; a lost result means pay again. */
    private Collected collect(FluxTask task) {
      FluxPoll poll = poller.await(task, () -> activity.heartbeat(checkpoint));
      return switch (poll.kind()) {
        case READY -> download(task, poll)
            .map(Collected::image)
            .orElse(Collected.lost("result URL expired"));
        case REQUEST_MODERATED, CONTENT_MODERATED -> throw errors.bflTask(task.id(), poll.status());
        default -> Collected.lost("task ended as '" + poll.status() + "'");
      };
    }

    /**
     * The result, or empty when its signed URL has expired (it lives ten minutes). Whether BFL
     * signs a fresh one on a new poll is unverified: ask once.
     */
    private Optional<GeneratedImage> download(FluxTask task, FluxPoll ready) {
      Optional<GeneratedImage> image = client.download(sample(task, ready));
      if (image.isPresent()) {
        return image;
      }
      FluxPoll again = client.poll(task);
      boolean fresh =
          again.kind() == FluxStatus.READY && !Objects.equals(again.sampleUrl(), ready.sampleUrl());
      return fresh ? client.download(sample(task, again)) : Optional.empty();
    }

    private String sample(FluxTask task, FluxPoll poll) {
      if (poll.sampleUrl() == null) {
        throw errors.malformed(Providers.FLUX, "Ready without result.sample", task.id(), null, false);
      }
      return poll.sampleUrl();
    }

    private FluxJob job() {
      String inputImage = null;
      List<Reference> references = GeneratedCandidates.forShot(request);
      if (options.model().editsInputImage() && !references.isEmpty()) {
        inputImage =
            Base64.getEncoder().encodeToString(candidates.read(references.get(0).image(), attempt));
      }
      String style =
          StyleReference.present(request)
              ? Base64.getEncoder().encodeToString(candidates.read(request.styleReference(), attempt))
              : null;
      return new FluxJob(
          StyleReference.prompt(request, style != null), inputImage, style, seed(request), options);
    }

    /** Every task this variant has cost, earlier attempts included: the candidate's price. */
    double costUsd() {
      return checkpoint == null ? 0 : checkpoint.costUsd();
    }

    String taskId() {
      return checkpoint == null ? null : checkpoint.task().id();
    }

    private void paid(FluxCheckpoint next) {
      checkpoint = next;
      // BFL charges on submit: the ledger line is written now, so a crash cannot lose it.
      ledger(options, next.task().costUsd(), ProviderCall.SUBMITTED, next.task().id(),
          GeneratedCandidates.id(request));
      // The first heartbeat of an attempt goes out at once: the paid task is on record before
      // the first poll.
      activity.heartbeat(checkpoint);
    }
  }
}
