package dev.facet.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderExceptionTest {

  @Test
  void throttlingBecomesARetryableFailureWithTheProvidersDelay() {
    ProviderException e =
        ProviderException.builder(ProviderFailure.THROTTLED, "openai", "slow down")
            .status(429)
            .requestId("req_9")
            .retryAfter(Duration.ofSeconds(12))
            .build();

    ApplicationFailure failure = e.toApplicationFailure(3);

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_THROTTLED);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(12));
    assertThat(failure.getDetails().get(Integer.class)).isEqualTo(3);
    assertThat(failure.getOriginalMessage())
        .isEqualTo("openai: slow down (HTTP 429, request req_9)");
  }

  @Test
  void finalTypesAreNonRetryableAndIgnoreAnyDelay() {
    for (ProviderFailure kind :
        new ProviderFailure[] {
          ProviderFailure.MODERATED,
          ProviderFailure.INVALID_REQUEST,
          ProviderFailure.AUTH,
          ProviderFailure.OUT_OF_CREDIT
        }) {
      ApplicationFailure failure =
          ProviderException.builder(kind, "flux", "no")
              .retryAfter(Duration.ofSeconds(5))
              .build()
              .toApplicationFailure(1);

      assertThat(failure.getType()).isEqualTo(kind.type());
      assertThat(failure.isNonRetryable()).as(kind.name()).isTrue();
      assertThat(failure.getNextRetryDelay()).as(kind.name()).isNull();
    }
  }

  @Test
  void unavailableWithoutDelayLeavesBackoffToTheRetryPolicy() {
    ApplicationFailure failure =
        ProviderException.builder(ProviderFailure.UNAVAILABLE, "flux", "500")
            .build()
            .toApplicationFailure(2);

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
  }

  @Test
  void doNotRetryOverridesARetryableType() {
    ApplicationFailure failure =
        ProviderException.builder(ProviderFailure.UNAVAILABLE, "openai", "overloaded")
            .retryAfter(Duration.ofSeconds(2))
            .doNotRetry()
            .build()
            .toApplicationFailure(1);

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getNextRetryDelay()).isNull();
  }

  @Test
  void theApiKeyNeverPrints() {
    assertThat(new ApiKey("sk-secret-123").toString()).doesNotContain("sk-secret-123");
    assertThat(
            dev.facet.providers.openai.OpenAiSettings.of(null, new ApiKey("sk-secret-123"))
                .toString())
        .doesNotContain("sk-secret-123");
  }
}
