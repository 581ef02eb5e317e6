package dev.facet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.app.security.ApiKeyGrant;
import dev.facet.app.security.ApiKeys;
import dev.facet.app.security.Role;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyCommandTest {

  private final CommandLines facet = new CommandLines();

  @Test
  void printsAKeyThatItsPrintedEntryLetsIn() {
    assertThat(facet.execute("key", "--name", "ana", "--role", "reviewer")).isZero();

    String text = facet.out();
    String key = find(text, "(fct_[A-Za-z0-9_-]{43})");
    String sha256 = find(text, "sha256: ([0-9a-f]{64})");
    ApiKeys keys = new ApiKeys(List.of(new ApiKeyGrant("ana", Role.REVIEWER, sha256)));
    assertThat(keys.find(key)).contains(new ApiKeyGrant("ana", Role.REVIEWER, sha256));
    assertThat(keys.find(key + "x")).isEmpty();
    assertThat(text).contains("FACET_SECURITY_KEYS_N_ROLE=reviewer");
  }

  @Test
  void anUnknownRoleOrMissingNameIsAUsageError() {
    assertThat(facet.execute("key", "--name", "ana", "--role", "boss")).isEqualTo(2);
    assertThat(facet.execute("key", "--role", "admin")).isEqualTo(2);
    assertThat(facet.execute("key", "--name", " ", "--role", "admin")).isEqualTo(2);
    assertThat(facet.err())
        .contains("Invalid value for option '--role'", "'boss'", "OPERATOR, REVIEWER, ADMIN")
        .contains("Missing required option: '--name=WHO'")
        .contains("--name needs whom the key is for.")
        .contains("Usage: facet key");
    assertThat(facet.out()).isEmpty();
  }

  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s in%n%s", regex, text).isTrue();
    return matcher.group(1);
  }
}
