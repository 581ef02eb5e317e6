package dev.facet.providers;

import okhttp3.Headers;

/** A provider's non-success HTTP answer, as much of it as classification needs. */
public record HttpError(int status, Headers headers, String body) {

  public HttpError {
    headers = headers == null ? Headers.of() : headers;
    body = body == null ? "" : body;
  }
}
