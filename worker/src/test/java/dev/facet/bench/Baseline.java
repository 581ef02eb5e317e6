package dev.facet.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The orchestration benchmark's baseline: what a product costs Temporal at the least, a bare
 * workflow that makes the same provider calls as a Facet shoot (one per variant, to the same fake
 * OpenAI, with the same concurrency limit) and nothing else: no capture, prompts, scoring,
 * post-processing, QA, publishing, storage or catalog.
 */
final class Baseline {

  private Baseline() {}

  static final String WORKFLOW_QUEUE = "bench-baseline";
  static final String CALL_QUEUE = "bench-baseline-calls";

  @WorkflowInterface
  public interface Product {
    @WorkflowMethod(name = "BaselineProduct")
    void run(String sku, int variants);
  }

  @ActivityInterface
  public interface Call {
    void generate(String prompt);
  }

  public static final class ProductImpl implements Product {
    private final Call call =
        Workflow.newActivityStub(
            Call.class,
            ActivityOptions.newBuilder()
                .setTaskQueue(CALL_QUEUE)
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .build());

    @Override
    public void run(String sku, int variants) {
      List<Promise<Void>> calls = new ArrayList<>();
      for (int v = 1; v <= variants; v++) {
        calls.add(Async.procedure(call::generate, "Ring " + sku + ", variant " + v));
      }
      Promise.allOf(calls).get();
    }
  }

  /**
   * One image generation request to the fake OpenAI, answered and read whole; a 429 or 5xx fails it
   * for a retry.
   */
  static final class CallImpl implements Call {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http =
        new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(2)).build();
    private final URI generations;

    CallImpl(URI openAiBaseUrl) {
      this.generations = URI.create(openAiBaseUrl + "/images/generations");
    }

    @Override
    public void generate(String prompt) {
      String body =
          "{\"model\":\""
              + Bench.OPENAI_MODEL
              + "\",\"prompt\":\""
              + prompt
              + "\",\"n\":1,\"size\":\""
              + Bench.OPENAI_SIZE
              + "\",\"quality\":\"low\"}";
      Request request =
          new Request.Builder()
              .url(generations.toString())
              .header("Authorization", "Bearer " + Bench.OPENAI_KEY)
              .post(RequestBody.create(body, JSON))
              .build();
      try (Response response = http.newCall(request).execute()) {
        byte[] answer = response.body().bytes();
        if (!response.isSuccessful()) {
          throw new IllegalStateException(
              "HTTP " + response.code() + " (" + answer.length + " bytes)");
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
