package dev.facet.providers;

import dev.facet.activities.GenerationMeter;
import dev.facet.metrics.FacetMetrics;
import dev.facet.model.Candidate;
import dev.facet.model.ImageRef;
import dev.facet.model.Reference;
import dev.facet.providers.openai.EditMasks;
import dev.facet.providers.openai.InputImage;
import dev.facet.providers.openai.OpenAiImage;
import dev.facet.providers.openai.OpenAiImageOptions;
import dev.facet.providers.openai.OpenAiImagesClient;
import dev.facet.providers.openai.OpenAiModels;
import dev.facet.providers.openai.OpenAiPrices;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.Providers;
import dev.facet.storage.ObjectStore;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Generates candidates with OpenAI GPT Image: an edit of the product's reference photos, or a plain
 * generation when there are none. Registered on {@code TaskQueues.generation("openai")}.
 */
public final class OpenAiGenerator implements PaidGenerator {

  private final GeneratedCandidates candidates;
  private final OpenAiImagesClient client;
  private final OpenAiImageOptions defaults;
  private final OpenAiPrices prices;
  private final Clock clock;

  /**
   * @throws IllegalArgumentException when the default options name a model Facet does not run or
   *     OpenAI has shut down, or a quality or size it does not take, or have no known price
   */
  public OpenAiGenerator(
      ObjectStore store,
      OpenAiImagesClient client,
      OpenAiImageOptions defaults,
      OpenAiPrices prices) {
    this(store, client, defaults, prices, Clock.systemUTC());
  }

  /**
   * @param clock today's date, by which a model OpenAI has shut down is refused
   */
  public OpenAiGenerator(
      ObjectStore store,
      OpenAiImagesClient client,
      OpenAiImageOptions defaults,
      OpenAiPrices prices,
      Clock clock) {
    this.candidates = new GeneratedCandidates(store);
    this.client = client;
    this.defaults = defaults;
    this.prices = prices;
    this.clock = clock;
    OpenAiModels.problem(defaults, today())
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem + ": fix facet.providers.openai");
            });
    prices.priceOf(defaults);
  }

  @Override
  public String defaultModel() {
    return defaults.model();
  }

  /**
   * A model runs when OpenAI still serves it, it takes the configured quality and size ({@link
   * OpenAiModels}), and its image at them has a price.
   */
  @Override
  public Optional<String> modelProblem(String model) {
    OpenAiImageOptions options = defaults.forModel(model);
    Optional<String> problem = OpenAiModels.problem(options, today());
    if (problem.isPresent()) {
      return problem;
    }
    try {
      prices.priceOf(options);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "OpenAI model '"
              + model
              + "' has no price at "
              + defaults.size()
              + " "
              + defaults.quality()
              + " in Facet's price table, so its cost could not be counted");
    }
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  @Override
  public Candidate generate(GenerateRequest request) {
    return GenerationMeter.measure(
        Providers.OPENAI,
        meter -> {
          int attempt = Activity.getExecutionContext().getInfo().getAttempt();
          // A model shut down since the shoot started is refused here, before anything is paid.
          OpenAiImageOptions options = defaults.forModel(modelOf(request, attempt));
          return PaidAttempt.run(
              request,
              Providers.OPENAI,
              options.model(),
              paid -> generate(request, options, paid, meter));
        });
  }

  /**
   * One image, paid once per request. OpenAI documents no idempotency key for its Images API (its
   * OpenAPI spec has none, and its SDKs send none), so a request whose answer is lost is maybe
   * billed, and the retry pays again.
   */
  private Candidate generate(
      GenerateRequest request,
      OpenAiImageOptions options,
      PaidAttempt paid,
      GenerationMeter meter) {
    Optional<Candidate> existing =
        candidates.existing(
            request, options.outputFormat(), options.model(), paid.delivered(), paid.attempt());
    if (existing.isPresent()) {
      meter.ended(FacetMetrics.REUSED);
      return existing.get();
    }
    double price = prices.priceOf(options);
    OpenAiImage image =
        paid.pay(
            price,
            call(request, options, paid.attempt()),
            answer -> new PaidAttempt.Receipt(answer.requestId(), price, null));
    Candidate candidate =
        candidates.save(
            request,
            options.outputFormat(),
            image.image(),
            options.model(),
            paid.delivered(),
            paid.attempt());
    meter.ended(FacetMetrics.OK);
    return candidate;
  }

  /**
   * The call to make, its input images read from the store already; it sends the request as its
   * argument says.
   */
  private Function<ClientRequest, OpenAiImage> call(
      GenerateRequest request, OpenAiImageOptions options, int attempt) {
    List<Reference> references = GeneratedCandidates.forShot(request);
    if (references.isEmpty()) {
      // Generations take no images, so no style reference either.
      return sending -> client.generate(request.prompt().prompt(), options, sending);
    }
    boolean withStyle = StyleReference.present(request);
    int room = OpenAiImagesClient.MAX_EDIT_IMAGES - (withStyle ? 1 : 0);
    List<InputImage> images = new ArrayList<>();
    for (Reference reference : references.subList(0, Math.min(references.size(), room))) {
      images.add(
          new InputImage(
              "reference-" + reference.index() + ".jpg",
              candidates.read(reference.image(), attempt),
              reference.image().mediaType() == null
                  ? "image/jpeg"
                  : reference.image().mediaType()));
    }
    InputImage mask = null;
    Reference first = references.get(0);
    if (options.sendMask() && first.mask() != null) {
      mask =
          new InputImage(
              "mask.png",
              EditMasks.fromProductMask(candidates.read(first.mask(), attempt)),
              "image/png");
    }
    if (withStyle) {
      ImageRef style = request.styleReference();
      images.add(
          new InputImage(
              "style-reference.jpg",
              candidates.read(style, attempt),
              style.mediaType() == null ? "image/jpeg" : style.mediaType()));
    }
    InputImage editMask = mask;
    String prompt = StyleReference.prompt(request, withStyle);
    return sending -> client.edit(prompt, images, editMask, options, sending);
  }
}
