package dev.facet.providers;

import dev.facet.activities.LiveAttempt;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;

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
    Call call = http.newCall(request);
    // An attempt the server has dropped cannot record the answer: the call ends now, not minutes
    // later; ended, it fails as a dropped connection would.
    try (LiveAttempt.Registration cancelling = LiveAttempt.whenDropped(call::cancel);
        Response response = call.execute()) {
      return new HttpAnswer(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw errors.transport(provider, e, billable);
    }
  }

  /**
   * As {@link #send(Request, boolean)}, with the request's id in {@link ClientRequest#HEADER}, and
   * its body's last byte held until {@link ClientRequest#beforeLastByte} has run. A provider acts
   * on a complete request only: what that step records (the request, in flight) is on record before
   * the provider can charge, and a crash in between leaves the provider a request it never received
   * whole.
   */
  public HttpAnswer send(Request request, boolean billable, ClientRequest sending) {
    return send(
        request
            .newBuilder()
            .header(ClientRequest.HEADER, sending.id())
            .method(request.method(), new LastByteHeld(request.body(), sending.beforeLastByte()))
            .build(),
        billable);
  }

  private static final class LastByteHeld extends RequestBody {
    private final RequestBody body;
    private final Runnable beforeLastByte;

    LastByteHeld(RequestBody body, Runnable beforeLastByte) {
      this.body = body;
      this.beforeLastByte = beforeLastByte;
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    /** Sent once: a retry or redirect must not pass {@code beforeLastByte} again. */
    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      Buffer whole = new Buffer();
      body.writeTo(whole);
      sink.write(whole, Math.max(0, whole.size() - 1));
      sink.flush();
      beforeLastByte.run();
      sink.writeAll(whole);
    }
  }

  /** Releases the connection pool and dispatcher threads. */
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
