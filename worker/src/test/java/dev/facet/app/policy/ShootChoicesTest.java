package dev.facet.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.model.ShotSpec;
import dev.facet.routing.RoutingPolicy;
import dev.facet.shoot.ShootPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShootChoicesTest {

  @Test
  void nothingChosenIsTheDefaultPolicyAndStyle() {
    assertThat(ShootChoices.none().policy()).isEqualTo(ShootPolicy.defaults());
    assertThat(ShootChoices.none().style().shots())
        .extracting(ShotSpec::name)
        .containsExactly("hero", "profile");
  }

  @Test
  void theChoicesMakeThePolicyTheCatalogWorkflowTakes() {
    ShootChoices choices =
        new ShootChoices(
            Optional.of(ShootPolicy.Approval.AUTO),
            List.of("etsy"),
            List.of("flux", "studio"),
            Optional.of(2),
            List.of("hero"),
            true,
            false);

    ShootPolicy policy = choices.policy();

    assertThat(policy.approval()).isEqualTo(ShootPolicy.Approval.AUTO);
    assertThat(policy.onTimeout()).isEqualTo(ShootPolicy.auto().onTimeout());
    assertThat(policy.channels()).containsExactly("etsy");
    assertThat(policy.providers()).containsExactly("flux", "studio");
    assertThat(policy.variants()).isEqualTo(2);
    assertThat(policy.routing().categories()).isEqualTo(Map.of("*", RoutingPolicy.AUTO));
    assertThat(policy.bakeoff()).isFalse();
    assertThat(choices.style().shots()).extracting(ShotSpec::name).containsExactly("hero");
    assertThat(choices.shotProblems()).isEmpty();
  }

  @Test
  void aWholePolicyKeepsWhatTheChoicesDoNotSayAndItsOwnApproval() {
    ShootPolicy whole =
        new ShootPolicy(
            ShootPolicy.Approval.MANUAL,
            0.9,
            null,
            null,
            3,
            2,
            List.of("master"),
            List.of("studio"),
            5.0);
    ShootChoices choices =
        new ShootChoices(
                Optional.empty(),
                List.of("etsy"),
                List.of(),
                Optional.empty(),
                List.of(),
                false,
                false)
            .refining(whole)
            .orApproval(ShootPolicy.Approval.AUTO);

    ShootPolicy policy = choices.policy();

    assertThat(policy.channels()).containsExactly("etsy");
    assertThat(policy.variants()).isEqualTo(3);
    assertThat(policy.maxRounds()).isEqualTo(2);
    assertThat(policy.autoThreshold()).isEqualTo(0.9);
    assertThat(policy.budgetUsd()).isEqualTo(5.0);
    assertThat(policy.approval())
        .as("the file's approval does not apply")
        .isEqualTo(ShootPolicy.Approval.MANUAL);
    assertThat(choices.withApproval(ShootPolicy.Approval.AUTO).policy().approval())
        .isEqualTo(ShootPolicy.Approval.AUTO);
  }

  @Test
  void aShotTheStyleGuideDoesNotHaveIsAProblemNamingThoseItHas() {
    ShootChoices choices =
        new ShootChoices(
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            List.of("hero", "top"),
            false,
            false);

    assertThat(choices.shotProblems())
        .containsExactly("shots: 'top' is no shot of the style guide; its shots are hero, profile");
  }

  @Test
  void anApprovalFromTheFileFillsOnlyWhatWasNotChosen() {
    ShootChoices manual = ShootChoices.none().withApproval(ShootPolicy.Approval.MANUAL);

    assertThat(manual.orApproval(ShootPolicy.Approval.AUTO).approval())
        .contains(ShootPolicy.Approval.MANUAL);
    assertThat(ShootChoices.none().orApproval(ShootPolicy.Approval.AUTO).approval())
        .contains(ShootPolicy.Approval.AUTO);
  }
}
