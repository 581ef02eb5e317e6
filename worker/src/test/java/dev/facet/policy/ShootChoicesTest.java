package dev.facet.policy;

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
    assertThat(ShootChoices.none().style().shots()).extracting(ShotSpec::name)
        .containsExactly("hero", "profile");
  }

  @Test
  void theChoicesMakeThePolicyTheCatalogWorkflowTakes() {
    ShootChoices choices =
        new ShootChoices(Optional.of(ShootPolicy.Approval.AUTO), List.of("etsy"),
            List.of("flux", "studio"), Optional.of(2), List.of("hero"), true, false);

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
  void aShotTheStyleGuideDoesNotHaveIsAProblemNamingThoseItHas() {
    ShootChoices choices =
        new ShootChoices(Optional.empty(), List.of(), List.of(), Optional.empty(),
            List.of("hero", "top"), false, false);

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
