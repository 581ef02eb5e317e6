package dev.facet.api;

import dev.facet.client.ShootClient;
import dev.facet.client.ShootStarted;
import dev.facet.security.KeyHolder;
import dev.facet.shoot.Decision;
import dev.facet.shoot.DecisionReceipt;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootState;
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
@RestController
@RequestMapping("/api/shoots")
class ShootController {

  private final ShootClient shoots;

  ShootController(ShootClient shoots) {
    this.shoots = shoots;
  }

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

  @GetMapping("/{sku}")
  ShootState state(@PathVariable String sku) {
    return shoots.state(sku);
  }

  /** The audit trail names the key that decided, whatever the body's {@code reviewer} says. */
  @PostMapping("/{sku}/decisions")
  DecisionReceipt decide(
      @PathVariable String sku, @RequestBody Decision decision, Authentication caller) {
    String reviewer = KeyHolder.of(caller).map(KeyHolder::name).orElse(decision.reviewer());
    return shoots.decide(sku, decision.by(reviewer));
  }
}
