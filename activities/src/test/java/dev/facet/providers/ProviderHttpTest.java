package dev.facet.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** The last byte of a paid request waits for its record: until then the provider has no request. */
class ProviderHttpTest {

  private static final String BODY = "{\"prompt\":\"a ring\"}";

  @Test
  void theProviderHasAllButTheLastByteWhileTheRequestGoesOnRecord() throws Exception {
    ProviderHttp http =
        new ProviderHttp(
            "flux", Duration.ofSeconds(5), Duration.ofSeconds(5), ProviderErrors.systemClock());
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      CompletableFuture<Void> answered =
          CompletableFuture.runAsync(() -> serveOne(server, received));
      int whole = ("\r\n\r\n" + BODY).length(); // the blank line after the headers, then the body
      String[] receivedAtRecord = new String[1];

      HttpAnswer answer =
          http.send(
              new Request.Builder()
                  .url("http://127.0.0.1:" + server.getLocalPort() + "/v1/flux-pro-1.1")
                  .post(
                      RequestBody.create(
                          BODY.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
                  .build(),
              true,
              new ClientRequest(
                  "request-1", () -> receivedAtRecord[0] = awaitBytes(received, whole - 1)));

      answered.get(5, TimeUnit.SECONDS);
      assertThat(receivedAtRecord[0])
          .as("what the provider had while the request went on record")
          .endsWith(BODY.substring(0, BODY.length() - 1));
      assertThat(text(received)).endsWith(BODY).contains("X-Client-Request-Id: request-1\r\n");
      assertThat(answer.status()).isEqualTo(200);
    } finally {
      http.close();
    }
  }

  /** Reads until the request is whole, then answers 200. */
  private static void serveOne(ServerSocket server, ByteArrayOutputStream received) {
    try (Socket socket = server.accept();
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      while (!text(received).endsWith(BODY)) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        synchronized (received) {
          received.write(b);
        }
      }
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What has arrived, once the headers' blank line and what follows it are {@code
   * bytesAfterHeaders} long; at most 5 s.
   */
  private static String awaitBytes(ByteArrayOutputStream received, int bytesAfterHeaders) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      String now = text(received);
      int headersEnd = now.indexOf("\r\n\r\n");
      if (headersEnd >= 0 && now.length() - headersEnd >= bytesAfterHeaders) {
        try {
          Thread.sleep(100); // anything more on its way would arrive now
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return text(received);
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the request's bytes did not arrive");
  }

  private static String text(ByteArrayOutputStream received) {
    synchronized (received) {
      return received.toString(StandardCharsets.UTF_8);
    }
  }
}
