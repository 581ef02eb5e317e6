package dev.facet.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderCallTest {

  @Test
  void aFailedCallCostsItsPriceOnlyWhenTheProviderMayHaveBilledIt() {
    ProviderException lostAnswer =
        ProviderException.builder(ProviderFailure.UNAVAILABLE, "openai", "timed out")
            .mayHaveBilled()
            .requestId("req_1")
            .build();
    ProviderException refused =
        ProviderException.builder(ProviderFailure.MODERATED, "openai", "rejected").build();

    ProviderCall charged = ProviderCall.failed("gpt-image-1.5", "1024x1024", 0.133, lostAnswer, "r1-hero-v1");
    ProviderCall free = ProviderCall.failed("gpt-image-1.5", "1024x1024", 0.133, refused, "r1-hero-v2");

    assertThat(charged.costUsd()).isEqualTo(0.133);
    assertThat(charged.outcome()).isEqualTo("ProviderUnavailable (may have billed)");
    assertThat(charged.requestId()).isEqualTo("req_1");
    assertThat(free.costUsd()).isZero();
    assertThat(free.outcome()).isEqualTo("ProviderModerated");
  }
}
