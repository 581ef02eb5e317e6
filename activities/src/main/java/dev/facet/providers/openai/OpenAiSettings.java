package dev.facet.providers.openai;

import dev.facet.providers.ApiKey;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach the OpenAI Images API.
 *
 * @param baseUrl API root including {@code /v1}; the fake's in tests
 * @param apiKey from configuration only; never printed
 * @param organization optional {@code OpenAI-Organization} header, or {@code null}
 * @param project optional {@code OpenAI-Project} header, or {@code null}
 * @param connectTimeout TCP connect; short, a refused connect is never billed
 * @param readTimeout how long to wait for an image: the API answers only when it is done, and
 *     gpt-image-2 at high quality takes over two minutes
 */
public record OpenAiSettings(
    URI baseUrl,
    ApiKey apiKey,
    String organization,
    String project,
    Duration connectTimeout,
    Duration readTimeout) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com/v1");

  public OpenAiSettings {
    baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
    if (apiKey == null) {
      throw new IllegalArgumentException("an OpenAI API key is required");
    }
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofMinutes(5) : readTimeout;
  }

  public static OpenAiSettings of(URI baseUrl, ApiKey apiKey) {
    return new OpenAiSettings(baseUrl, apiKey, null, null, null, null);
  }

  public OpenAiSettings withReadTimeout(Duration readTimeout) {
    return new OpenAiSettings(baseUrl, apiKey, organization, project, connectTimeout, readTimeout);
  }
}
