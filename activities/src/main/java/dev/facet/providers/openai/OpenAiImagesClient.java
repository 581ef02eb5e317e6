package dev.facet.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.json.FacetJson;
import dev.facet.providers.ClientRequest;
import dev.facet.providers.GeneratedImage;
import dev.facet.providers.HttpAnswer;
import dev.facet.providers.ProviderErrors;
import dev.facet.providers.ProviderException;
import dev.facet.providers.ProviderHttp;
import dev.facet.steps.Providers;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The OpenAI Images API: {@code POST /images/edits} (multipart, with the reference photos) and
 * {@code POST /images/generations} (JSON). One image per call, decoded from {@code b64_json}. No
 * retries here: a retried image request is paid again, so retrying is the activity's decision.
 */
public final class OpenAiImagesClient implements AutoCloseable {

  /** The API takes at most this many input images per edit. */
  public static final int MAX_EDIT_IMAGES = 16;

  private static final MediaType JSON = MediaType.get("application/json");

  private final OpenAiSettings settings;
  private final ProviderHttp http;
  private final ProviderErrors errors;

  public OpenAiImagesClient(OpenAiSettings settings, ProviderErrors errors) {
    this.settings = settings;
    this.errors = errors;
    this.http =
        new ProviderHttp(
            Providers.OPENAI, settings.connectTimeout(), settings.readTimeout(), errors);
  }

  public OpenAiImagesClient(OpenAiSettings settings) {
    this(settings, ProviderErrors.systemClock());
  }

  /**
   * Edits: a new image from the prompt and 1-16 input images.
   *
   * @param mask optional PNG, same size as the first image; its transparent pixels may be redone
   * @throws ProviderException classified per {@link ProviderErrors#openAi}
   */
  public OpenAiImage edit(
      String prompt, List<InputImage> images, InputImage mask, OpenAiImageOptions options) {
    return edit(prompt, images, mask, options, ClientRequest.unrecorded());
  }

  /**
   * As {@link #edit(String, List, InputImage, OpenAiImageOptions)}, sent as {@code sending}: its id
   * in {@code X-Client-Request-Id}, its record made before the request's last byte goes out (see
   * {@link ProviderHttp#send(Request, boolean, ClientRequest)}), when OpenAI cannot have taken it.
   */
  public OpenAiImage edit(
      String prompt,
      List<InputImage> images,
      InputImage mask,
      OpenAiImageOptions options,
      ClientRequest sending) {
    if (images.isEmpty() || images.size() > MAX_EDIT_IMAGES) {
      throw new IllegalArgumentException(
          "an edit takes 1.." + MAX_EDIT_IMAGES + " images, got " + images.size());
    }
    MultipartBody.Builder form =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("model", options.model())
            .addFormDataPart("prompt", prompt)
            .addFormDataPart("n", "1")
            .addFormDataPart("size", options.size())
            .addFormDataPart("quality", options.quality())
            .addFormDataPart("background", options.background())
            .addFormDataPart("output_format", options.outputFormat().subtype());
    addIfSet(form, "output_compression", options.outputCompression());
    addIfSet(form, "input_fidelity", options.sentInputFidelity());
    addIfSet(form, "moderation", options.moderation());
    // As both official SDKs do: one file is "image", several are repeated "image[]" parts. Each
    // part carries its content type; without it arrays are rejected (openai-node#1492).
    String imageField = images.size() == 1 ? "image" : "image[]";
    for (InputImage image : images) {
      form.addFormDataPart(imageField, image.filename(), file(image));
    }
    if (mask != null) {
      form.addFormDataPart("mask", mask.filename(), file(mask));
    }
    return call("images/edits", form.build(), sending);
  }

  /**
   * Generations: a new image from the prompt alone.
   *
   * @throws ProviderException classified per {@link ProviderErrors#openAi}
   */
  public OpenAiImage generate(String prompt, OpenAiImageOptions options) {
    return generate(prompt, options, ClientRequest.unrecorded());
  }

  /**
   * As {@link #generate(String, OpenAiImageOptions)}, sent as {@code sending} (see {@link
   * ProviderHttp#send(Request, boolean, ClientRequest)}).
   */
  public OpenAiImage generate(String prompt, OpenAiImageOptions options, ClientRequest sending) {
    ObjectNode body = FacetJson.MAPPER.createObjectNode();
    body.put("model", options.model());
    body.put("prompt", prompt);
    body.put("n", 1);
    body.put("size", options.size());
    body.put("quality", options.quality());
    body.put("background", options.background());
    body.put("output_format", options.outputFormat().subtype());
    if (options.outputCompression() != null) {
      body.put("output_compression", options.outputCompression());
    }
    if (options.moderation() != null) {
      body.put("moderation", options.moderation());
    }
    try {
      return call(
          "images/generations",
          RequestBody.create(FacetJson.MAPPER.writeValueAsBytes(body), JSON),
          sending);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON object node", e);
    }
  }

  private OpenAiImage call(String path, RequestBody body, ClientRequest sending) {
    HttpUrl url =
        HttpUrl.get(settings.baseUrl().toString()).newBuilder().addPathSegments(path).build();
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + settings.apiKey().value())
            .header("Accept", "application/json")
            .post(body);
    if (settings.organization() != null) {
      request.header("OpenAI-Organization", settings.organization());
    }
    if (settings.project() != null) {
      request.header("OpenAI-Project", settings.project());
    }
    HttpAnswer answer = http.send(request.build(), true, sending);
    String requestId = answer.headers().get("x-request-id");
    if (!answer.ok()) {
      throw errors.openAi(answer.toError());
    }
    return parse(answer.body(), requestId);
  }

  private OpenAiImage parse(byte[] body, String requestId) {
    JsonNode root;
    try {
      root = FacetJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw errors.malformed(Providers.OPENAI, "body is not JSON", requestId, e, true);
    }
    String b64 = root.path("data").path(0).path("b64_json").asText(null);
    if (b64 == null) {
      throw errors.malformed(Providers.OPENAI, "no data[0].b64_json", requestId, null, true);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw errors.malformed(
          Providers.OPENAI, "data[0].b64_json is not base64", requestId, e, true);
    }
    GeneratedImage image =
        GeneratedImage.read(bytes)
            .orElseThrow(
                () ->
                    errors.malformed(
                        Providers.OPENAI,
                        "data[0].b64_json is no PNG or JPEG",
                        requestId,
                        null,
                        true));
    return new OpenAiImage(image, ImageUsage.from(root.path("usage")), requestId);
  }

  private static RequestBody file(InputImage image) {
    return RequestBody.create(image.bytes(), MediaType.get(image.mediaType()));
  }

  private static void addIfSet(MultipartBody.Builder form, String name, Object value) {
    if (value != null) {
      form.addFormDataPart(name, value.toString());
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
