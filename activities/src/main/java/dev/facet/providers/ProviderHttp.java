package dev.facet.providers;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The HTTP plumbing both provider clients share. */
public final class ProviderHttp {

  private final OkHttpClient http;
  private final String provider;
  private final ProviderErrors errors;

  /**
   * @param readTimeout longest silence while the provider works; image generation answers only when
   *     the image is done
   */
  public ProviderHttp(
      String provider, Duration connectTimeout, Duration readTimeout, ProviderErrors errors) {
    this.provider = provider;
    this.errors = errors;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(readTimeout)
            // OkHttp would silently replay a request on some connection failures; for a paid,
            // non-idempotent POST that is a second charge. Retries are Temporal's, and counted.
            .retryOnConnectionFailure(false)
            .build();
  }

  /**
   * Sends the request and reads the whole answer, whatever its status.
   *
   * @param billable whether the provider charges for this request (a generation, not a poll)
   * @throws ProviderException {@link ProviderFailure#UNAVAILABLE} when no complete answer came
   */
  public HttpAnswer send(Request request, boolean billable) {
    return send(http, request, billable);
  }

  /**
   * As {@link #send(Request, boolean)}, running {@code beforeWriting} once the connection is
   * ready and before the first byte of the request goes out: after the call's set-up, connecting
   * and TLS, which can take a fresh process a noticeable moment.
   *
   * @param beforeWriting e.g. putting the request on record as in flight; what it throws ends the
   *     call unsent
   */
  public HttpAnswer send(Request request, boolean billable, Runnable beforeWriting) {
    OkHttpClient once = http.newBuilder().eventListener(new EventListener() {
      private boolean ran;

      @Override
      public void connectionAcquired(Call call, Connection connection) {
        if (!ran) {
          ran = true;
          beforeWriting.run();
        }
      }
    }).build();
    return send(once, request, billable);
  }

  private HttpAnswer send(OkHttpClient client, Request request, boolean billable) {
    try (Response response = client.newCall(request).execute()) {
      return new HttpAnswer(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw errors.transport(provider, e, billable);
    }
  }

  /** Releases the connection pool and dispatcher threads. */
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
