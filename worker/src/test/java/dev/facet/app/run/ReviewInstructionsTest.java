package dev.facet.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.model.Candidate;
import dev.facet.model.Score;
import dev.facet.shoot.CandidateView;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReviewInstructionsTest {

  @Test
  void aSelectionOffersTheBestCandidateOfEveryShotOfTheCurrentRound() {
    ReviewInstructions instructions =
        new ReviewInstructions(
            "http://localhost:8080",
            "127.0.0.1:7233",
            "default",
            Optional.of(URI.create("http://localhost:8233")),
            "$(cat data/admin.key)",
            JsonMapper.shared());
    ShootState state =
        state(
            Stage.AWAITING_SELECTION,
            2,
            List.of(
                view(1, "hero", 3, 1),
                view(2, "hero", 1, 2),
                view(2, "hero", 4, 1),
                view(2, "profile", 2, 1)));

    String text = instructions.explain(state, "run-7");

    String selection =
        "{\"action\":\"select\","
            + "\"selections\":{\"hero\":\"r2-hero-v4\",\"profile\":\"r2-profile-v2\"},"
            + "\"reviewer\":\"you\"}";
    assertThat(text)
        .startsWith("P01 is waiting for a reviewer to select candidates (round 2).")
        .contains(
            "curl -X POST http://localhost:8080/api/shoots/P01/decisions"
                + " -H \"Authorization: Bearer $(cat data/admin.key)\""
                + " -H 'Content-Type: application/json' -d '"
                + selection
                + "'")
        .contains(
            "temporal workflow signal --workflow-id shoot-P01 --name decision --input '"
                + selection
                + "'")
        .contains("http://localhost:8233/namespaces/default/workflows/shoot-P01/run-7/history")
        .doesNotContain("reject");
  }

  @Test
  void namesANonDefaultServerAndNamespaceAndQuotesForTheShell() {
    ReviewInstructions instructions =
        new ReviewInstructions(
            "http://localhost:9090",
            "temporal.example.com:7233",
            "shop",
            Optional.empty(),
            "$FACET_API_KEY",
            JsonMapper.shared());

    String text = instructions.explain(state(Stage.AWAITING_APPROVAL, 1, List.of()), "run-1");

    assertThat(text)
        .contains("temporal workflow signal --address temporal.example.com:7233 --namespace shop")
        .contains("'{\"action\":\"reject\",\"notes\":\"what to change\",\"reviewer\":\"you\"}'")
        .doesNotContain("Web UI");
    assertThat(ReviewInstructions.shellQuote("it's")).isEqualTo("'it'\\''s'");
  }

  private static CandidateView view(int round, String shot, int variant, int rank) {
    String id = Candidate.id(round, shot, variant);
    return new CandidateView(
        new Candidate(id, round, shot, variant, "studio", null, null, null, 1, 0.0),
        new Score(id, 0.9, 0.9, 0.9, 1.0, null),
        rank);
  }

  private static ShootState state(Stage stage, int round, List<CandidateView> candidates) {
    return new ShootState(
        "P01",
        "",
        stage,
        stage.words(),
        stage.awaitingHuman(),
        round,
        3,
        ShootPolicy.defaults(),
        List.of(),
        List.of(),
        candidates,
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        0.0,
        null,
        null);
  }
}
