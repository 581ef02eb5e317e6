package dev.facet.providers.flux;

/**
 * One generation to submit.
 *
 * @param inputImageBase64 the photo Kontext edits (base64, no data-URL prefix), or {@code null}
 * @param styleImageBase64 the collection's style reference, or {@code null}: Kontext's second input
 *     image (BFL's "experimental multiref"), FLUX 1.1 [pro]'s image prompt
 */
public record FluxJob(
    String prompt,
    String inputImageBase64,
    String styleImageBase64,
    long seed,
    FluxOptions options) {

  /** A job without a style reference. */
  public FluxJob(String prompt, String inputImageBase64, long seed, FluxOptions options) {
    this(prompt, inputImageBase64, null, seed, options);
  }

  @Override
  public String toString() {
    // The input image is megabytes of base64: never into a log line.
    return "FluxJob[model="
        + options.model().endpoint()
        + ", seed="
        + seed
        + ", inputImage="
        + (inputImageBase64 != null)
        + ", styleImage="
        + (styleImageBase64 != null)
        + ", prompt="
        + prompt
        + "]";
  }
}
