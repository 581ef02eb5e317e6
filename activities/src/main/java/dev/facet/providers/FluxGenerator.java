package dev.facet.providers;

import dev.facet.activities.GenerationMeter;
import dev.facet.metrics.FacetMetrics;
import dev.facet.model.Candidate;
import dev.facet.model.Charge;
import dev.facet.model.Reference;
import dev.facet.providers.flux.FluxClient;
import dev.facet.providers.flux.FluxJob;
import dev.facet.providers.flux.FluxModel;
import dev.facet.providers.flux.FluxOptions;
import dev.facet.providers.flux.FluxPoll;
import dev.facet.providers.flux.FluxPoller;
import dev.facet.providers.flux.FluxStatus;
import dev.facet.providers.flux.FluxTask;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationCheckpoint;
import dev.facet.steps.Providers;
import dev.facet.storage.ObjectStore;
import io.temporal.activity.Activity;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates candidates with Black Forest Labs FLUX: submit, poll, download, store. The task is on
 * the attempt's checkpoint as soon as it is paid for, so a retry after a crash resumes polling the
 * same task (docs/providers.md B.9: BFL has no idempotency key). Registered on {@code
 * TaskQueues.generation("flux")}.
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
        : Optional.of(
            "FLUX has no model '" + model + "' that Facet runs; it runs " + FluxModel.endpoints());
  }

  @Override
  public Candidate generate(GenerateRequest request) {
    return GenerationMeter.measure(
        Providers.FLUX,
        meter -> {
          int attempt = Activity.getExecutionContext().getInfo().getAttempt();
          FluxOptions options =
              defaults.withModel(FluxModel.byEndpoint(modelOf(request, attempt)).orElseThrow());
          return PaidAttempt.run(
              request,
              Providers.FLUX,
              options.model().endpoint(),
              paid -> generate(request, options, paid, meter));
        });
  }

  private Candidate generate(
      GenerateRequest request, FluxOptions options, PaidAttempt paid, GenerationMeter meter) {
    String model = options.model().endpoint();
    Optional<Candidate> existing =
        candidates.existing(
            request, options.outputFormat(), model, paid.delivered(), paid.attempt());
    if (existing.isPresent()) {
      meter.ended(FacetMetrics.REUSED);
      return existing.get();
    }
    GeneratedImage image = new Run(request, options, paid).toImage();
    Candidate candidate =
        candidates.save(
            request, options.outputFormat(), image, model, paid.delivered(), paid.attempt());
    meter.ended(FacetMetrics.OK);
    return candidate;
  }

  /** Same request, same seed: a rerun of a variant asks for the same picture. */
  static long seed(GenerateRequest request) {
    long styleSeed = request.style() == null ? 0 : request.style().seed();
    return Math.floorMod(
        Objects.hash(styleSeed, request.round(), request.shot().name(), request.variant()),
        Integer.MAX_VALUE);
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

  /** One activity attempt: resumes the task its checkpoint names, or submits a new one. */
  private final class Run {
    private final GenerateRequest request;
    private final FluxOptions options;
    private final PaidAttempt paid;

    Run(GenerateRequest request, FluxOptions options, PaidAttempt paid) {
      this.request = request;
      this.options = options;
      this.paid = paid;
    }

    GeneratedImage toImage() {
      FluxTask task = resumable().orElseGet(this::submit);
      while (true) {
        Collected collected = collect(task);
        if (collected.image() != null) {
          return collected.image();
        }
        paid.lost(collected.lostBecause());
        int tasks = paid.checkpoint().charges().size();
        if (tasks >= options.maxSubmissions()) {
          throw ProviderException.builder(
                  ProviderFailure.UNAVAILABLE,
                  Providers.FLUX,
                  tasks
                      + " paid task(s) gave no image (last: "
                      + collected.lostBecause()
                      + "); not paying for another")
              .requestId(task.id())
              .doNotRetry()
              .build();
        }
        LOG.warn(
            "BFL task {} gave no image ({}); submitting again", task.id(), collected.lostBecause());
        task = submit();
      }
    }

    /** The paid task an earlier attempt left to collect, if any. */
    private Optional<FluxTask> resumable() {
      GenerationCheckpoint checkpoint = paid.checkpoint();
      if (checkpoint.resumeUrl() == null) {
        return Optional.empty();
      }
      Charge task = checkpoint.last();
      LOG.info("Resuming BFL task {} of {}", task.requestId(), task.candidateId());
      return Optional.of(new FluxTask(task.requestId(), checkpoint.resumeUrl(), task.usd()));
    }

    /**
     * Pays for a new task. BFL takes no idempotency key, so the one unguarded moment is between its
     * accepting the submit and the task id reaching the checkpoint: a crash there leaves a
     * maybe-billed charge on the ledger, and the retry pays again.
     */
    private FluxTask submit() {
      FluxJob job = job();
      return paid.pay(
          options.model().listPriceUsd(),
          sending -> client.submit(job, sending),
          task -> new PaidAttempt.Receipt(task.id(), task.costUsd(), task.pollingUrl()));
    }

    /** Polls the task to its end and downloads the result; a lost result means pay again. */
    private Collected collect(FluxTask task) {
      FluxPoll poll = poller.await(task, paid::stillCurrent);
      return switch (poll.kind()) {
        case READY ->
            download(task, poll).map(Collected::image).orElse(Collected.lost("result URL expired"));
        case REQUEST_MODERATED, CONTENT_MODERATED -> {
          paid.lost("task ended as '" + poll.status() + "'");
          throw errors.bflTask(task.id(), poll.status());
        }
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
        throw errors.malformed(
            Providers.FLUX, "Ready without result.sample", task.id(), null, false);
      }
      return poll.sampleUrl();
    }

    private FluxJob job() {
      String inputImage = null;
      List<Reference> references = GeneratedCandidates.forShot(request);
      if (options.model().editsInputImage() && !references.isEmpty()) {
        inputImage =
            Base64.getEncoder()
                .encodeToString(candidates.read(references.get(0).image(), paid.attempt()));
      }
      String style =
          StyleReference.present(request)
              ? Base64.getEncoder()
                  .encodeToString(candidates.read(request.styleReference(), paid.attempt()))
              : null;
      return new FluxJob(
          StyleReference.prompt(request, style != null), inputImage, style, seed(request), options);
    }
  }
}
