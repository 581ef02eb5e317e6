package dev.facet.activities;

import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.ImageFormat;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.Staging;
import dev.facet.imaging.StudioRenderer;
import dev.facet.imaging.matte.Matting;
import dev.facet.imaging.matte.ProductMatte;
import dev.facet.metrics.FacetMetrics;
import dev.facet.model.Candidate;
import dev.facet.model.ImageRef;
import dev.facet.model.Reference;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.Providers;
import dev.facet.storage.ObjectStore;
import dev.facet.storage.RecentlyUsed;
import io.temporal.activity.Activity;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in, offline generator ("studio"): re-shoots the product from a reference photo in a
 * virtual studio ({@link StudioRenderer}). Free and deterministic: the same style seed, round, shot
 * and variant give the same picture, and a rejected round gets fresh variations. It hands on the
 * candidate's exact cut-out with it, so post-processing need not cut the product out again. A retry
 * finds the candidate already stored and returns it.
 */
public final class StudioGenerator implements GenerationActivities {

  public static final String PROVIDER = Providers.STUDIO;

  /** Candidates are stored as 4:4:4 JPEG at this quality: visually lossless, a fifth of a PNG. */
  static final float QUALITY = 0.95f;

  private final ObjectStore store;
  private final StoredImages images;
  private final StudioRenderer renderer;
  private final Matting matting = new Matting();

  /** Cut-outs kept: a shoot's references (at most a few; about 15 MB each at 2000 px). */
  private final Map<String, ProductMatte> cutouts = new RecentlyUsed<>(4);

  public StudioGenerator(ObjectStore store, int size) {
    this.store = store;
    this.images = new StoredImages(store);
    this.renderer = new StudioRenderer(size);
  }

  @Override
  public Candidate generate(GenerateRequest request) {
    // A render holds the thread for seconds: the heartbeat says the worker is still there.
    try (LiveAttempt<Void> alive = LiveAttempt.start(Activity.getExecutionContext(), null)) {
      return GenerationMeter.measure(PROVIDER, meter -> render(request, meter));
    }
  }

  private Candidate render(GenerateRequest request, GenerationMeter meter) {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    int round = request.round(), variant = request.variant();
    String shot = request.shot().name();
    String key = request.keys().candidate(round, shot, variant, "jpg");
    Optional<ImageRef> stored = store.find(key);
    if (stored.isPresent()) {
      meter.ended(FacetMetrics.REUSED);
      return candidate(
          request,
          stored.get(),
          store.find(request.keys().cutout(round, shot, variant)).orElse(null),
          attempt);
    }
    Reference source =
        AngleSource.pick(request.references(), request.shot().referenceAngle(), variant);
    ProductMatte matte = cutout(source);
    Staging.Staged render =
        renderer.render(
            matte,
            StudioRenderer.Look.of(request.style()),
            StudioRenderer.Variation.seeded(seed(request)));
    RgbImage image = render.image();
    // The cut-out first: a stored candidate then always has its cut-out, which is what a retry
    // finds.
    ImageRef cutout =
        store.put(
            request.keys().cutout(round, shot, variant),
            ImageEncoder.png(render.matte()),
            ImageFormat.PNG.mediaType(),
            image.width(),
            image.height());
    ImageRef ref =
        store.put(
            key,
            ImageEncoder.jpeg(image, QUALITY),
            ImageFormat.JPEG.mediaType(),
            image.width(),
            image.height());
    meter.ended(FacetMetrics.OK);
    return candidate(request, ref, cutout, attempt);
  }

  /**
   * The reference's product cut out of its photo, decoded once per worker: every variant and round
   * that re-shoots it starts from the same one, which capture stored under its run's keys and
   * nothing rewrites. One lock for all: a decode takes a fraction of a render.
   */
  private synchronized ProductMatte cutout(Reference source) {
    return cutouts.computeIfAbsent(
        source.mask().key(),
        key -> {
          RgbImage photo = images.image(source.image());
          return images.matte(source.mask(), matting.backdrop(photo));
        });
  }

  /** Style seed, round, shot and variant, mixed so neighbours differ in every parameter. */
  static long seed(GenerateRequest request) {
    return request.style().seed() * 1_000_003L
        + request.round() * 104_729L
        + request.shot().name().hashCode() * 7_919L
        + request.variant();
  }

  private static Candidate candidate(
      GenerateRequest request, ImageRef image, ImageRef cutout, int attempt) {
    return new Candidate(
        Candidate.id(request.round(), request.shot().name(), request.variant()),
        request.round(),
        request.shot().name(),
        request.variant(),
        PROVIDER,
        null,
        image,
        cutout,
        attempt,
        0.0);
  }
}
