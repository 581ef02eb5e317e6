package dev.facet.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.shoot.ShootSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;

class InProcessServerTest {

  @Test
  void servesOnLoopbackAndTakesFacetsSearchAttributesOnceRegistered() {
    try (InProcessServer server = InProcessServer.start(0)) {
      assertThat(server.target()).startsWith("127.0.0.1:");
      assertThat(server.durable()).isFalse();
      assertThat(server.webUi()).isEmpty();
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        // Twice: the second run finds every attribute there and must not fail.
        SearchAttributeRegistrar.ensure(stubs, "default", ShootSearchAttributes.ALL);
        SearchAttributeRegistrar.ensure(stubs, "default", ShootSearchAttributes.ALL);

        WorkflowStub workflow =
            WorkflowClient.newInstance(stubs)
                .newUntypedWorkflowStub(
                    "ProductShoot",
                    WorkflowOptions.newBuilder()
                        .setWorkflowId("shoot-SA-1")
                        .setTaskQueue("nobody-polls")
                        .setTypedSearchAttributes(
                            SearchAttributes.newBuilder()
                                .set(ShootSearchAttributes.SKU, "SA-1")
                                .set(ShootSearchAttributes.AWAITING_HUMAN, false)
                                .build())
                        .build());
        workflow.start();

        assertThat(workflow.describe().getTypedSearchAttributes().get(ShootSearchAttributes.SKU))
            .isEqualTo("SA-1");
      } finally {
        stubs.shutdownNow();
      }
    }
  }
}
