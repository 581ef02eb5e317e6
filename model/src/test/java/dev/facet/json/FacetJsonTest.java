package dev.facet.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FacetJsonTest {

  record Outcome(String sku, List<String> keys) {}

  @Test
  void readsFilesWithFieldsItDoesNotKnow() throws Exception {
    Outcome outcome =
        FacetJson.MAPPER.readValue(
            "{\"sku\":\"R-1\",\"keys\":[\"a\"],\"addedLater\":true}", Outcome.class);

    assertThat(outcome).isEqualTo(new Outcome("R-1", List.of("a")));
  }

  @Test
  void writesCompactForMachinesAndIndentedForPeople() throws Exception {
    Outcome outcome = new Outcome("R-1", List.of("a"));

    assertThat(FacetJson.MAPPER.writeValueAsString(outcome))
        .isEqualTo("{\"sku\":\"R-1\",\"keys\":[\"a\"]}");
    assertThat(FacetJson.PRETTY.writeValueAsString(outcome))
        .isEqualTo("{\n  \"sku\" : \"R-1\",\n  \"keys\" : [ \"a\" ]\n}");
  }
}
