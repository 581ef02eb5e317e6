package dev.facet.temporal;

import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** {@code /actuator/health} component "temporal": is the frontend serving? */
class TemporalHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowServiceStubs stubs;
  private final TemporalEndpoint endpoint;

  TemporalHealthIndicator(WorkflowServiceStubs stubs, TemporalEndpoint endpoint) {
    super("Temporal health check failed");
    this.stubs = stubs;
    this.endpoint = endpoint;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    HealthCheckResponse.ServingStatus status = stubs.healthCheck().getStatus();
    builder
        .status(status == HealthCheckResponse.ServingStatus.SERVING ? "UP" : "DOWN")
        .withDetail("target", endpoint.target())
        .withDetail("durable", endpoint.durable())
        .withDetail("servingStatus", status.name());
    endpoint.webUi().ifPresent(ui -> builder.withDetail("webUi", ui.toString()));
  }
}
