package dev.facet.providers.flux;

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
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The BFL API's three calls: submit a task, poll it at its {@code polling_url}, download its
 * result. Polling loops live in {@link FluxPoller}; retry decisions in the activity.
 */
public final class FluxClient implements AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");

  private final FluxSettings settings;
  private final ProviderHttp http;
  private final ProviderErrors errors;

  public FluxClient(FluxSettings settings, ProviderErrors errors) {
    this.settings = settings;
    this.errors = errors;
    this.http =
        new ProviderHttp(Providers.FLUX, settings.connectTimeout(), settings.readTimeout(), errors);
  }

  public FluxClient(FluxSettings settings) {
    this(settings, ProviderErrors.systemClock());
  }

  public FluxSettings settings() {
    return settings;
  }

  /**
   * Submits a paid task.
   *
   * @throws ProviderException classified per {@link ProviderErrors#bfl}
   */
  public FluxTask submit(FluxJob job) {
    return submit(job, ClientRequest.unrecorded());
  }

  /**
   * Submits a paid task as {@code sending}: its id in a header BFL ignores, its record made before
   * the request's last byte goes out (see {@link ProviderHttp#send(Request, boolean,
   * ClientRequest)}), when BFL cannot have taken it yet.
   *
   * @throws ProviderException classified per {@link ProviderErrors#bfl}
   */
  public FluxTask submit(FluxJob job, ClientRequest sending) {
    FluxOptions options = job.options();
    ObjectNode body = FacetJson.MAPPER.createObjectNode();
    body.put("prompt", job.prompt());
    if (options.model().editsInputImage()) {
      if (job.inputImageBase64() != null) {
        body.put("input_image", job.inputImageBase64());
        if (job.styleImageBase64() != null) {
          body.put("input_image_2", job.styleImageBase64());
        }
      }
      body.put("aspect_ratio", options.aspectRatio());
    } else {
      if (job.styleImageBase64() != null) {
        body.put("image_prompt", job.styleImageBase64());
      }
      body.put("width", options.width());
      body.put("height", options.height());
      body.put("prompt_upsampling", false);
    }
    body.put("seed", job.seed());
    body.put("safety_tolerance", options.safetyTolerance());
    body.put("output_format", options.outputFormat().subtype());

    HttpUrl url =
        HttpUrl.get(settings.baseUrl().toString())
            .newBuilder()
            .addPathSegment("v1")
            .addPathSegment(options.model().endpoint())
            .build();
    HttpAnswer answer = http.send(keyed(url).post(json(body)).build(), true, sending);
    if (!answer.ok()) {
      throw errors.bfl(answer.toError());
    }
    JsonNode task = readJson(answer, true);
    String id = task.path("id").asText(null);
    if (id == null) {
      throw errors.malformed(Providers.FLUX, "submit answer without an id", null, null, true);
    }
    // Old hosts answered without polling_url; then the global get_result is the documented place.
    String pollingUrl =
        task.hasNonNull("polling_url")
            ? task.get("polling_url").asText()
            : url.resolve("/v1/get_result?id=" + id).toString();
    double costUsd =
        task.hasNonNull("cost")
            ? task.get("cost").asDouble() / 100.0
            : options.model().listPriceUsd();
    return new FluxTask(id, pollingUrl, costUsd);
  }

  /**
   * Asks once how the task is doing, at its {@code polling_url} exactly as given.
   *
   * @throws ProviderException classified per {@link ProviderErrors#bfl}; transient ones may be
   *     retried at will, polling is free and idempotent
   */
  public FluxPoll poll(FluxTask task) {
    HttpAnswer answer = http.send(keyed(HttpUrl.get(task.pollingUrl())).get().build(), false);
    if (!answer.ok()) {
      throw errors.bfl(answer.toError());
    }
    JsonNode result = readJson(answer, false);
    String status = result.path("status").asText(null);
    if (status == null) {
      throw errors.malformed(Providers.FLUX, "get_result without a status", task.id(), null, false);
    }
    return new FluxPoll(status, result.path("result").path("sample").asText(null));
  }

  /**
   * Downloads a ready result. Plain GET without the key: the URL is signed, and it is not BFL's API
   * host.
   *
   * @return empty when the signed URL has expired or is gone (403, 404, 410)
   * @throws ProviderException on other failures, or when the bytes are no PNG or JPEG
   */
  public Optional<GeneratedImage> download(String sampleUrl) {
    HttpAnswer answer = http.send(new Request.Builder().url(sampleUrl).get().build(), false);
    if (answer.status() == 403 || answer.status() == 404 || answer.status() == 410) {
      return Optional.empty();
    }
    if (!answer.ok()) {
      throw errors.bfl(answer.toError());
    }
    return Optional.of(
        GeneratedImage.read(answer.body())
            .orElseThrow(
                () ->
                    errors.malformed(
                        Providers.FLUX, "result is no PNG or JPEG", null, null, false)));
  }

  /**
   * The account's remaining credits (1 credit = $0.01): a pre-flight check for an operator.
   *
   * @throws ProviderException classified per {@link ProviderErrors#bfl}
   */
  public double credits() {
    HttpUrl url =
        HttpUrl.get(settings.baseUrl().toString())
            .newBuilder()
            .addPathSegments("v1/credits")
            .build();
    HttpAnswer answer = http.send(keyed(url).get().build(), false);
    if (!answer.ok()) {
      throw errors.bfl(answer.toError());
    }
    return readJson(answer, false).path("credits").asDouble();
  }

  private Request.Builder keyed(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("x-key", settings.apiKey().value())
        .header("Accept", "application/json");
  }

  private JsonNode readJson(HttpAnswer answer, boolean billable) {
    try {
      JsonNode node = FacetJson.MAPPER.readTree(answer.body());
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw errors.malformed(Providers.FLUX, "body is not a JSON object", null, e, billable);
    }
  }

  private static RequestBody json(ObjectNode body) {
    try {
      return RequestBody.create(FacetJson.MAPPER.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON object node", e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
