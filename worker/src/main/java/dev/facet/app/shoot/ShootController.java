package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemResponses;
import dev.facet.app.security.KeyHolder;
import dev.facet.shoot.Decision;
import dev.facet.shoot.DecisionReceipt;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Product shoots: start one, read its state, decide on it. */
@Tag(name = "Shoots", description = "One product: start its shoot, read its state, decide on it.")
@RestController
@RequestMapping("/api/shoots")
class ShootController {

  private final ShootClient shoots;

  ShootController(ShootClient shoots) {
    this.shoots = shoots;
  }

  @Operation(
      operationId = "startShoot",
      summary = "Start a product shoot",
      description =
          "Starts the ProductShoot workflow `shoot-<sku>`. Photos are keys from `POST "
              + "/api/uploads`. Role: operator or admin.",
      responses =
          @ApiResponse(
              responseCode = "201",
              description = "Started; `Location` is the shoot's state.",
              useReturnTypeSchema = true))
  @ProblemResponses({400, 409, 422, 503})
  @PostMapping
  ResponseEntity<StartedShoot> start(@RequestBody ShootRequest request) {
    ShootStarted started = shoots.start(request);
    URI state =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/shoots/{sku}")
            .buildAndExpand(started.sku())
            .toUri();
    return ResponseEntity.created(state)
        .body(new StartedShoot(started.workflowId(), started.runId(), state.toString()));
  }

  @Operation(
      operationId = "shootState",
      summary = "Read a shoot's state",
      description =
          "Stage, candidates with scores and ranks, QA checks with their values and "
              + "thresholds, attempts, costs and the audit trail. Role: any.")
  @ProblemResponses({400, 404, 503})
  @GetMapping("/{sku}")
  ShootState state(@PathVariable String sku) {
    return shoots.state(sku);
  }

  /** The audit trail names the key that decided, whatever the body's {@code reviewer} says. */
  @Operation(
      operationId = "decide",
      summary = "Decide on a shoot",
      description =
          "Select candidates, approve, or reject with notes. A decision that does not fit"
              + " the shoot's stage is refused with 409 and the reason. The audit trail records the"
              + " key's name as the reviewer. Role: reviewer or admin.")
  @ProblemResponses({400, 404, 409, 503})
  @PostMapping("/{sku}/decisions")
  DecisionReceipt decide(
      @PathVariable String sku, @RequestBody Decision decision, Authentication caller) {
    String reviewer = KeyHolder.of(caller).map(KeyHolder::name).orElse(decision.reviewer());
    return shoots.decide(sku, decision.by(reviewer));
  }
}
