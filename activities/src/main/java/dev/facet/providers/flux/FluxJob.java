package dev.facet.providers.flux;

/**
 * One generation to submit.
 *
 * @param inputImageBase64 the photo Kontext edits (base64, no data-URL prefix), or {@code null}
 */
public record FluxJob(String prompt, String inputImageBase64, long seed, FluxOptions options) {

  @Override
  public String toString() {
    // The input image is megabytes of base64: never into a log line.
    return "FluxJob[model=" + options.model().endpoint() + ", seed=" + seed
        + ", inputImage=" + (inputImageBase64 != null) + ", prompt=" + prompt + "]";
  }
}
