package dev.facet.providers.openai;

import dev.facet.imaging.ImageFormat;
import dev.facet.providers.OutputFormats;

/**
 * What to ask the Images API for. Absent fields take the defaults, chosen for product photos:
 * {@code gpt-image-2} (the GPT Image model OpenAI still serves: {@code gpt-image-1} was shut down
 * on 2026-10-23, {@code gpt-image-1.5} and {@code gpt-image-1-mini} on 2026-12-01, see {@link
 * OpenAiModels}), square, high quality, opaque PNG.
 *
 * @param model e.g. {@code gpt-image-2}
 * @param size {@code WxH} or {@code auto}
 * @param quality {@code low}, {@code medium}, {@code high} or {@code auto}
 * @param background {@code opaque}, {@code transparent} (PNG only) or {@code auto}
 * @param outputFormat PNG or JPEG
 * @param outputCompression 0-100 for JPEG, or {@code null}
 * @param inputFidelity edits only, as configured: {@code high} keeps the references' detail, {@code
 *     low}, or {@code null} to leave it out; sent only to a model that takes it ({@link
 *     #sentInputFidelity})
 * @param moderation {@code low} or {@code auto}, or {@code null} to leave it out: whether multipart
 *     edits accept it is unverified
 * @param sendMask edits only: send the first reference's product mask, so the model is hinted to
 *     keep the product and redo the background
 * @param pricePerImageUsd overrides the price table, for a model or size it does not list
 */
public record OpenAiImageOptions(
    String model,
    String size,
    String quality,
    String background,
    ImageFormat outputFormat,
    Integer outputCompression,
    String inputFidelity,
    String moderation,
    boolean sendMask,
    Double pricePerImageUsd) {

  public OpenAiImageOptions {
    model = model == null ? OpenAiModels.CURRENT : model;
    size = size == null ? "1024x1024" : size;
    quality = quality == null ? "high" : quality;
    background = background == null ? "opaque" : background;
    outputFormat = OutputFormats.orDefault(outputFormat);
    if (outputCompression != null && (outputCompression < 0 || outputCompression > 100)) {
      throw new IllegalArgumentException(
          "outputCompression must be 0..100, was " + outputCompression);
    }
  }

  public static OpenAiImageOptions defaults() {
    return new OpenAiImageOptions(null, null, null, null, null, null, "high", null, false, null);
  }

  public OpenAiImageOptions withModel(String model) {
    return new OpenAiImageOptions(
        model,
        size,
        quality,
        background,
        outputFormat,
        outputCompression,
        inputFidelity,
        moderation,
        sendMask,
        pricePerImageUsd);
  }

  /**
   * The {@code input_fidelity} an edit sends: the configured one when the model takes it, else none
   * ({@code gpt-image-2} refuses the parameter, {@code gpt-image-1-mini} refuses {@code high}).
   */
  public String sentInputFidelity() {
    return OpenAiModels.inputFidelity(model, inputFidelity);
  }

  /**
   * These options for another model of the same size and quality. The price override belonged to
   * the configured model, so it goes.
   */
  public OpenAiImageOptions forModel(String other) {
    if (other.equals(model)) {
      return this;
    }
    return new OpenAiImageOptions(
        other,
        size,
        quality,
        background,
        outputFormat,
        outputCompression,
        inputFidelity,
        moderation,
        sendMask,
        null);
  }

  public OpenAiImageOptions withSize(String size) {
    return new OpenAiImageOptions(
        model,
        size,
        quality,
        background,
        outputFormat,
        outputCompression,
        inputFidelity,
        moderation,
        sendMask,
        pricePerImageUsd);
  }

  public OpenAiImageOptions withOutput(ImageFormat outputFormat, String background) {
    return new OpenAiImageOptions(
        model,
        size,
        quality,
        background,
        outputFormat,
        outputCompression,
        inputFidelity,
        moderation,
        sendMask,
        pricePerImageUsd);
  }

  public OpenAiImageOptions withMask(boolean sendMask) {
    return new OpenAiImageOptions(
        model,
        size,
        quality,
        background,
        outputFormat,
        outputCompression,
        inputFidelity,
        moderation,
        sendMask,
        pricePerImageUsd);
  }
}
