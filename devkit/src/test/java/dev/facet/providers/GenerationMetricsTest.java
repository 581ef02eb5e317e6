package dev.facet.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.metrics.FacetMetrics;
import dev.facet.providers.openai.OpenAiImageOptions;
import dev.facet.providers.openai.OpenAiImagesClient;
import dev.facet.providers.openai.OpenAiPrices;
import dev.facet.providers.openai.OpenAiSettings;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerationActivities;
import dev.facet.testing.EmbeddedS3Extension;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestEnvironmentOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a generator reports through the activity's metrics scope: one image count and one latency
 * sample per attempt with its outcome. (Charges are counted by the shoot's ledger, where every
 * charge arrives once: {@code ShootMetricsTest}.)
 */
class GenerationMetricsTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  /** One reported sample: a counter's increment or a timer's duration in seconds. */
  record Sample(String name, Map<String, String> tags, double value) {}

  @Test
  void eachAttemptIsCountedOnceWithItsOutcome() throws Exception {
    List<Sample> samples = new CopyOnWriteArrayList<>();
    Scope scope =
        new RootScopeBuilder().reporter(recorder(samples)).reportEvery(Duration.ofMillis(50));
    TestActivityEnvironment env =
        TestActivityEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setMetricsScope(scope).build());
    try (FakeProviderServer fake = FakeProviderServer.start();
        OpenAiImagesClient client =
            new OpenAiImagesClient(
                OpenAiSettings.of(fake.openAiBaseUrl(), new ApiKey("sk-fake")))) {
      env.registerActivitiesImplementations(
          new OpenAiGenerator(
              s3.store(), client, OpenAiImageOptions.defaults(), OpenAiPrices.load()));
      GenerationActivities generator =
          env.newActivityStub(
              GenerationActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(java.time.Duration.ofMinutes(1))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      GenerationFixture shoot = new GenerationFixture(s3.store());

      generator.generate(shoot.request("openai", 1));
      generator.generate(shoot.request("openai", 1)); // found in the store: nothing paid
      fake.openAi().script("rate_limited");
      catchThrowableOfType(
          ActivityFailure.class, () -> generator.generate(shoot.request("openai", 2)));
      catchThrowableOfType(
          ActivityFailure.class, () -> generator.generate(shoot.withMissingReference("openai", 3)));
    } finally {
      env.close();
      scope.close(); // reports what is left
    }

    assertThat(sum(samples, FacetMetrics.IMAGES_GENERATED, FacetMetrics.OK)).isEqualTo(1);
    assertThat(sum(samples, FacetMetrics.IMAGES_GENERATED, FacetMetrics.REUSED)).isEqualTo(1);
    assertThat(sum(samples, FacetMetrics.IMAGES_GENERATED, FailureTypes.PROVIDER_THROTTLED))
        .isEqualTo(1);
    assertThat(sum(samples, FacetMetrics.IMAGES_GENERATED, FailureTypes.MISSING_OBJECT))
        .isEqualTo(1);
    assertThat(samples)
        .filteredOn(s -> s.name().equals(FacetMetrics.GENERATION_LATENCY))
        .hasSize(4)
        .allSatisfy(s -> assertThat(s.tags()).containsEntry(FacetMetrics.PROVIDER, "openai"));
  }

  private static double sum(List<Sample> samples, String name, String outcome) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && outcome.equals(s.tags().get(FacetMetrics.OUTCOME)))
        .mapToDouble(Sample::value)
        .sum();
  }

  private static StatsReporter recorder(List<Sample> samples) {
    return new StatsReporter() {
      @Override
      public void reportCounter(String name, Map<String, String> tags, long value) {
        samples.add(new Sample(name, tags, value));
      }

      @Override
      public void reportTimer(String name, Map<String, String> tags, Duration interval) {
        samples.add(new Sample(name, tags, interval.getSeconds()));
      }

      @Override
      public void reportGauge(String name, Map<String, String> tags, double value) {}

      @Override
      public void reportHistogramValueSamples(
          String name,
          Map<String, String> tags,
          Buckets buckets,
          double bucketLowerBound,
          double bucketUpperBound,
          long samples) {}

      @Override
      public void reportHistogramDurationSamples(
          String name,
          Map<String, String> tags,
          Buckets buckets,
          Duration bucketLowerBound,
          Duration bucketUpperBound,
          long samples) {}

      @Override
      public Capabilities capabilities() {
        return CapableOf.REPORTING;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
