package dev.facet.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final KeyCommand command =
      new KeyCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void printsAKeyThatItsPrintedEntryLetsIn() {
    assertThat(command.run("--name", "ana", "--role", "reviewer")).isZero();

    String text = out.toString(StandardCharsets.UTF_8);
    String key = find(text, "(fct_[A-Za-z0-9_-]{43})");
    String sha256 = find(text, "sha256: ([0-9a-f]{64})");
    ApiKeys keys = new ApiKeys(List.of(new ApiKeyGrant("ana", Role.REVIEWER, sha256)));
    assertThat(keys.find(key)).contains(new ApiKeyGrant("ana", Role.REVIEWER, sha256));
    assertThat(keys.find(key + "x")).isEmpty();
    assertThat(text).contains("FACET_SECURITY_KEYS_N_ROLE=reviewer");
  }

  @Test
  void twoKeysAreNeverTheSame() {
    assertThat(ApiKeys.newKey()).isNotEqualTo(ApiKeys.newKey());
  }

  @Test
  void anUnknownRoleOrMissingNameIsAUsageError() {
    assertThat(command.run("--name", "ana", "--role", "boss")).isEqualTo(2);
    assertThat(command.run("--role", "admin")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown role 'boss'").contains(KeyCommand.USAGE);
  }

  @Test
  void aKeyConfiguredInPlainTextInsteadOfItsHashIsRefusedAtStartUp() {
    assertThatThrownBy(
            () -> new ApiKeys(List.of(new ApiKeyGrant("ana", Role.ADMIN, "fct_the-key-itself"))))
        .hasMessageContaining("not the key itself");
  }

  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s in%n%s", regex, text).isTrue();
    return matcher.group(1);
  }
}
