package dev.facet.devkit.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.facet.json.FacetJson;
import dev.facet.providers.ClientRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Response writing for the fake, including the broken answers real networks produce. */
final class FakeHttp {

  private FakeHttp() {}

  /**
   * Thrown out of a handler to make the JDK server close the connection without a byte of answer.
   */
  static final class DropConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DropConnection() {
      super("fake: dropped connection", null, false, false);
    }
  }

  static byte[] body(HttpExchange exchange) throws IOException {
    return exchange.getRequestBody().readAllBytes();
  }

  private static final String LAST_BYTE_WAIT = "fake.lastByteWaitMs";

  /**
   * The whole request body; when the connection closes before it is whole (the JDK server throws on
   * a body shorter than its {@code Content-Length}), the request goes into {@code cutShort} and the
   * exception on, so nothing is charged, as a real provider charges nothing for it. Notes how long
   * the body's last bytes came after the rest ({@link #lastByteWaitMs}).
   */
  static byte[] body(HttpExchange exchange, IncompleteRequests cutShort) throws IOException {
    long arrived = System.currentTimeMillis();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    InputStream in = exchange.getRequestBody();
    byte[] buffer = new byte[16 * 1024];
    long lastReadAt = arrived;
    long lastWait = 0;
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        long now = System.currentTimeMillis();
        lastWait = now - lastReadAt;
        lastReadAt = now;
        received.write(buffer, 0, n);
      }
    } catch (IOException e) {
      String declared = exchange.getRequestHeaders().getFirst("Content-Length");
      cutShort.add(
          new IncompleteRequest(
              clientRequestId(exchange),
              exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
              received.size(),
              declared == null ? -1 : Long.parseLong(declared.trim()),
              arrived,
              lastReadAt,
              System.currentTimeMillis()));
      throw e;
    }
    exchange.setAttribute(LAST_BYTE_WAIT, lastWait);
    return received.toByteArray();
  }

  /**
   * The id a client named its request with ({@link ClientRequest#HEADER}). Neither provider's
   * contract has it, so it changes no answer and no charge: the fakes only note it on charges and
   * on requests cut short.
   */
  static String clientRequestId(HttpExchange exchange) {
    return exchange.getRequestHeaders().getFirst(ClientRequest.HEADER);
  }

  /**
   * How long the last read of the request's body waited after the one before, ms: for a client that
   * holds the last byte until the request is on record, about that record's round trip.
   */
  static long lastByteWaitMs(HttpExchange exchange) {
    return exchange.getAttribute(LAST_BYTE_WAIT) instanceof Long wait ? wait : 0;
  }

  static void json(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
      throws IOException {
    send(exchange, status, "application/json", bytes(body), headers);
  }

  static void send(
      HttpExchange exchange,
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Announces the whole body, sends half of it, then hangs up. */
  static void truncated(HttpExchange exchange, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    throw new DropConnection();
  }

  static DropConnection drop() {
    return new DropConnection();
  }

  static void pause(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw drop();
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return FacetJson.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytesOf(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
