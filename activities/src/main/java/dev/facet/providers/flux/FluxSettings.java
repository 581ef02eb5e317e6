package dev.facet.providers.flux;

import dev.facet.providers.ApiKey;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach the BFL API.
 *
 * @param baseUrl {@code https://api.bfl.ai} (global), or a regional one such as {@code
 *     https://api.eu.bfl.ai}; polling follows whatever host BFL names in {@code polling_url}
 * @param apiKey sent as {@code x-key}; from configuration only, never printed
 * @param readTimeout per HTTP call: submit and poll answer at once, generation happens between
 *     polls
 * @param pollInterval pause between two polls (BFL's own clients use 0.5-1 s)
 * @param pollBudget how long one activity attempt polls a task before giving up; the task id
 *     survives in the heartbeat, so the next attempt resumes it
 * @param maxPollErrors consecutive failed polls (5xx, timeouts) tolerated before the attempt fails
 */
public record FluxSettings(
    URI baseUrl,
    ApiKey apiKey,
    Duration connectTimeout,
    Duration readTimeout,
    Duration pollInterval,
    Duration pollBudget,
    Integer maxPollErrors) {

  public static final URI GLOBAL = URI.create("https://api.bfl.ai");

  public FluxSettings {
    baseUrl = baseUrl == null ? GLOBAL : baseUrl;
    if (apiKey == null) {
      throw new IllegalArgumentException("a BFL API key is required");
    }
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    pollBudget = pollBudget == null ? Duration.ofMinutes(5) : pollBudget;
    maxPollErrors = maxPollErrors == null ? 5 : maxPollErrors;
  }

  public static FluxSettings of(URI baseUrl, ApiKey apiKey) {
    return new FluxSettings(baseUrl, apiKey, null, null, null, null, null);
  }

  public FluxSettings withPolling(Duration pollInterval, Duration pollBudget, int maxPollErrors) {
    return new FluxSettings(
        baseUrl, apiKey, connectTimeout, readTimeout, pollInterval, pollBudget, maxPollErrors);
  }
}
