package dev.facet.providers;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/** A complete HTTP response, body read. */
public record HttpAnswer(int status, Headers headers, byte[] body) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public HttpError toError() {
    return new HttpError(status, headers, text());
  }
}
