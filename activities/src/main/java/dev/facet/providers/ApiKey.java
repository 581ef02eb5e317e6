package dev.facet.providers;

/**
 * A provider API key. Its {@code toString} never shows it, so settings, requests and failures can
 * be logged whole.
 */
public record ApiKey(String value) {

  public ApiKey {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an API key is required (from configuration)");
    }
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
