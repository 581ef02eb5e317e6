package dev.facet.providers.flux;

import dev.facet.imaging.ImageFormat;
import dev.facet.providers.OutputFormats;

/**
 * What to ask FLUX for. Absent fields take the defaults: Kontext [pro], which starts from the
 * seller's own photo, square PNG.
 *
 * @param width FLUX 1.1 [pro] only: 256-1440, a multiple of 32
 * @param height FLUX 1.1 [pro] only: 256-1440, a multiple of 32
 * @param aspectRatio Kontext only, e.g. {@code 1:1}
 * @param safetyTolerance 0 (strict) to 6 (permissive)
 * @param maxSubmissions paid tasks per variant at most: a task that fails, vanishes or whose result
 *     expires is resubmitted once by default ("one resubmit at most", docs/providers.md B.4)
 */
public record FluxOptions(
    FluxModel model,
    Integer width,
    Integer height,
    String aspectRatio,
    ImageFormat outputFormat,
    Integer safetyTolerance,
    Integer maxSubmissions) {

  public FluxOptions {
    model = model == null ? FluxModel.KONTEXT_PRO : model;
    width = width == null ? 1024 : width;
    height = height == null ? 1024 : height;
    aspectRatio = aspectRatio == null ? "1:1" : aspectRatio;
    outputFormat = OutputFormats.orDefault(outputFormat);
    safetyTolerance = safetyTolerance == null ? 2 : safetyTolerance;
    maxSubmissions = maxSubmissions == null ? 2 : maxSubmissions;
    if (maxSubmissions < 1) {
      throw new IllegalArgumentException(
          "maxSubmissions must be at least 1, was " + maxSubmissions);
    }
  }

  public static FluxOptions defaults() {
    return new FluxOptions(null, null, null, null, null, null, null);
  }

  public FluxOptions withModel(FluxModel model) {
    return new FluxOptions(
        model, width, height, aspectRatio, outputFormat, safetyTolerance, maxSubmissions);
  }

  public FluxOptions withSize(int width, int height) {
    return new FluxOptions(
        model, width, height, aspectRatio, outputFormat, safetyTolerance, maxSubmissions);
  }
}
