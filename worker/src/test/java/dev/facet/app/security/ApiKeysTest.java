package dev.facet.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys themselves; {@code KeyCommandTest} makes one through the command line. */
class ApiKeysTest {

  @Test
  void twoKeysAreNeverTheSame() {
    assertThat(ApiKeys.newKey()).isNotEqualTo(ApiKeys.newKey());
  }

  @Test
  void aKeyConfiguredInPlainTextInsteadOfItsHashIsRefusedAtStartUp() {
    assertThatThrownBy(
            () -> new ApiKeys(List.of(new ApiKeyGrant("ana", Role.ADMIN, "fct_the-key-itself"))))
        .hasMessageContaining("not the key itself");
  }
}
