package dev.facet.testing;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** Clients of a test stack that hand every answer, errors included, to the test to check. */
public final class TestHttp {

  private TestHttp() {}

  /** Without a key. */
  public static RestClient anonymous(int port) {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> {})
        .build();
  }

  /** With {@code key} on every request. */
  public static RestClient withKey(int port, String key) {
    return anonymous(port)
        .mutate()
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .build();
  }
}
