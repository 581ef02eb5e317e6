package dev.facet.activities;

import dev.facet.imaging.Mask;
import dev.facet.imaging.Medians;
import dev.facet.imaging.MetalTone;
import dev.facet.imaging.ProductAnalyzer;
import dev.facet.imaging.ProductFinding;
import dev.facet.imaging.ProductMeasurer.Measurements;
import dev.facet.imaging.Silhouette;
import dev.facet.model.Candidate;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.Reference;
import dev.facet.model.Score;
import dev.facet.steps.ScoreRequest;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.ShootKeys;
import dev.facet.storage.ObjectStore;
import java.util.List;

/**
 * Step 4: how faithful and how sharp each candidate is.
 *
 * <ul>
 *   <li>Metal tone: {@link MetalTone} ΔE2000 against the signature, 1 at 0 and 0 at {@link
 *       #TONE_ZERO_AT}.
 *   <li>Silhouette: {@link Silhouette} agreement with the closest reference's silhouette (the
 *       generator works from one of them; generative providers need not say which).
 *   <li>Sharpness: product sharpness over the references' median, capped at 1.
 * </ul>
 *
 * Fidelity is the mean of tone and silhouette; the total weighs fidelity {@link #FIDELITY_WEIGHT}
 * and sharpness the rest, because a faithful soft picture can be sharpened and a sharp wrong one
 * cannot be fixed.
 */
public final class ScoringActivitiesImpl implements ScoringActivities {

  /** ΔE2000 at which the tone score reaches 0: beyond ~10 the metal reads as another alloy. */
  static final double TONE_ZERO_AT = 10;

  static final double FIDELITY_WEIGHT = 0.7;

  /** Tone distance reported when no product is found (JSON has no NaN). */
  static final double NO_METAL = 100;

  private final ObjectStore store;
  private final StoredImages images;
  private final ReferenceViews views;
  private final ProductAnalyzer analyzer = new ProductAnalyzer();

  public ScoringActivitiesImpl(ObjectStore store, ReferenceViews views) {
    this.store = store;
    this.images = new StoredImages(store);
    this.views = views;
  }

  @Override
  public List<Score> score(ScoreRequest request) {
    List<Mask> referenceMasks =
        request.references().stream().map(r -> views.of(r).silhouette()).toList();
    double referenceSharpness =
        Medians.of(request.references().stream().mapToDouble(Reference::sharpness).toArray());
    return request.candidates().stream()
        .map(c -> score(request.keys(), c, request.signature(), referenceMasks, referenceSharpness))
        .toList();
  }

  private Score score(
      ShootKeys keys,
      Candidate candidate,
      ColourSignature signature,
      List<Mask> referenceMasks,
      double referenceSharpness) {
    ProductAnalyzer.Analysis analysis = analyzer.analyse(images.image(candidate.image()));
    if (analysis.measurements().isEmpty()) {
      return new Score(candidate.id(), 0, 0, 0, NO_METAL, null);
    }
    Measurements m = analysis.measurements().get();
    double tone = MetalTone.deltaE(m.metal(), signature.metal());
    double toneScore = Math.max(0, 1 - tone / TONE_ZERO_AT);
    double silhouette =
        referenceMasks.stream()
            .mapToDouble(r -> Silhouette.agreement(analysis.mask(), r))
            .max()
            .orElse(0);
    double fidelity = (toneScore + silhouette) / 2;
    double sharpness =
        referenceSharpness <= 0 ? 1 : Math.min(1, m.sharpness() / referenceSharpness);
    double total = FIDELITY_WEIGHT * fidelity + (1 - FIDELITY_WEIGHT) * sharpness;
    return new Score(
        candidate.id(), fidelity, sharpness, total, tone, keep(keys, candidate, analysis));
  }

  /**
   * Stores what was found, so post-processing refines this mask instead of finding it again; a
   * retry writes the same bytes to the same key. Not for a candidate whose generator handed over
   * its exact cut-out (post-processing uses that), nor when the workflow gave no keys (a history
   * from before findings were kept).
   */
  private ImageRef keep(ShootKeys keys, Candidate candidate, ProductAnalyzer.Analysis analysis) {
    if (keys == null || candidate.cutout() != null) {
      return null;
    }
    return store.put(
        keys.analysis(candidate.round(), candidate.shot(), candidate.variant()),
        ProductFinding.of(analysis).toJson(),
        "application/json");
  }
}
