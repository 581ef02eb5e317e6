package dev.facet.imaging;

import dev.facet.model.Box;

/**
 * Where a product's fine structure is: the small bright and dark detail (stone facets, prongs,
 * sparkle) over its surface, at a fixed product size so a piece photographed larger or smaller maps
 * the same. Comparing the maps of a candidate and its reference shows a stone removed (detail gone
 * where it was) or a feature added (detail where there was none).
 *
 * <p>The map is the local energy of a difference of Gaussians of the luminance, inside the product
 * with its outline eroded away (an outline against white and against grey paper differ for reasons
 * that are not the product's), smoothed and divided by its median, so exposure and contrast cancel.
 */
public final class DetailMap {

  /** The product's longest side is scaled to this many pixels. */
  static final int SIDE = 192;
  /** Band-pass scales, in pixels of the normalised product. */
  private static final double FINE = 1.0, COARSE = 3.0;
  /** Outline pixels excluded, in pixels of the normalised product. */
  private static final double OUTLINE = 4;
  /** Smoothing of the energy, about the size of one small stone at {@link #SIDE}. */
  private static final double POOL = 6;
  /** Points with less product than this around them are not compared. */
  private static final double MIN_COVERAGE = 0.5;
  /** Added to both sides of a ratio, in units of the median energy: flat metal vs flat metal is 1. */
  private static final double FLOOR = 0.5;

  private final float[] energy;
  private final float[] coverage;

  private DetailMap(float[] energy, float[] coverage) {
    this.energy = energy;
    this.coverage = coverage;
  }

  public static DetailMap of(RgbImage image, Mask mask) {
    Box box = mask.box().orElseThrow(() -> new IllegalArgumentException("empty product mask"));
    double s = (double) SIDE / Math.max(box.width(), box.height());
    int w = Math.max(8, (int) Math.round(box.width() * s)), h = Math.max(8, (int) Math.round(box.height() * s));
    RgbImage crop = Resampler.average(image.crop(box), w, h);
    Mask inner = Morphology.erode(mask.crop(box).resized(w, h), OUTLINE);

    Plane luma = Plane.luma(crop);
    float[] fine = luma.gaussian(FINE).v, coarse = luma.gaussian(COARSE).v;
    float[] e = new float[SIDE * SIDE], inside = new float[SIDE * SIDE];
    int left = (SIDE - w) / 2, top = (SIDE - h) / 2;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x, o = (top + y) * SIDE + left + x;
        if (inner.bits()[i]) {
          float d = fine[i] - coarse[i];
          e[o] = d * d;
          inside[o] = 1;
        }
      }
    }
    float[] pooledEnergy = new Plane(SIDE, SIDE, e).gaussian(POOL).v;
    float[] pooledInside = new Plane(SIDE, SIDE, inside).gaussian(POOL).v;
    // Energy per product pixel around each point, then in units of the map's median.
    float[] perPixel = new float[SIDE * SIDE];
    boolean[] valid = new boolean[SIDE * SIDE];
    for (int i = 0; i < perPixel.length; i++) {
      valid[i] = pooledInside[i] >= MIN_COVERAGE;
      perPixel[i] = valid[i] ? pooledEnergy[i] / pooledInside[i] : 0;
    }
    double median = Math.max(1e-3, new Plane(SIDE, SIDE, perPixel).quantile(valid, 0.5));
    for (int i = 0; i < perPixel.length; i++) perPixel[i] = (float) (perPixel[i] / median);
    return new DetailMap(perPixel, pooledInside);
  }

  /**
   * How far the two maps disagree where both show product: the largest |log ratio| of the energy
   * (square-root, so it reads like a contrast ratio) over points covered in both. 0 for identical
   * structure; a stone removed or added at one place reads about 1 or more.
   */
  public double difference(DetailMap other) {
    double worst = 0;
    for (int i = 0; i < energy.length; i++) {
      if (coverage[i] < MIN_COVERAGE || other.coverage[i] < MIN_COVERAGE) continue;
      double d = Math.abs(Math.log((energy[i] + FLOOR) / (other.energy[i] + FLOOR))) / 2;
      if (d > worst) worst = d;
    }
    return worst;
  }
}
