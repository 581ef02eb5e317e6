package dev.facet.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.facet.shoot.ShootSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real {@code temporal server start-dev}. Skipped without the CLI, unless {@code
 * FACET_REQUIRE_TEMPORAL_CLI=true} makes a missing CLI a failure.
 */
class DevServerTest {

  @TempDir Path data;

  @Test
  void startsWithFacetsSearchAttributesAndTheWebUiAndStopsWithUs() throws Exception {
    DevServer server = DevServer.start(options(cli(), ShootSearchAttributes.ALL));
    ProcessHandle process = server.process();
    try {
      assertThat(TemporalProbe.answers("127.0.0.1", port(server))).isTrue();
      assertThat(searchAttributes(server))
          .containsEntry("FacetSku", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .containsEntry("FacetCatalog", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .containsEntry("FacetStage", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .containsEntry("FacetAwaitingHuman", IndexedValueType.INDEXED_VALUE_TYPE_BOOL)
          .containsEntry("FacetProvider", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      URI ui = server.webUi().orElseThrow();
      HttpResponse<Void> page =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(ui).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(server.durable()).isTrue();
    } finally {
      server.close();
    }
    assertThat(process.isAlive()).isFalse();
    assertThat(TemporalProbe.listening("127.0.0.1", port(server))).isFalse();
  }

  @Test
  void aDatabaseFromBeforeANewAttributeGetsItFromTheRegistrar() {
    Path cli = cli();
    List<SearchAttributeKey<?>> older = List.of(ShootSearchAttributes.SKU);
    DevServer.start(options(cli, older)).close();

    // The same database again, without launch flags: only the registrar can add the others.
    try (DevServer server = DevServer.start(options(cli, List.of()))) {
      assertThat(searchAttributes(server)).containsKey("FacetSku").doesNotContainKey("FacetStage");

      WorkflowServiceStubs stubs = stubs(server);
      try {
        SearchAttributeRegistrar.ensure(stubs, "default", ShootSearchAttributes.ALL);
        SearchAttributeRegistrar.ensure(stubs, "default", ShootSearchAttributes.ALL);
      } finally {
        stubs.shutdownNow();
      }

      assertThat(searchAttributes(server))
          .containsKeys(
              "FacetSku", "FacetCatalog", "FacetStage", "FacetAwaitingHuman", "FacetProvider");
    }
  }

  @Test
  void refusesAPortThatIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      DevServer.Options options =
          new DevServer.Options(
              Path.of("temporal"),
              taken.getLocalPort(),
              0,
              data.resolve("temporal.sqlite"),
              data.resolve("temporal.log"),
              List.of(),
              Duration.ofSeconds(5));

      assertThatThrownBy(() -> DevServer.start(options))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
    }
  }

  @Test
  void aPortTheServerCannotBindIsReportedAsTaken() throws Exception {
    Path cli = cli();
    try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      // The Web UI's port is taken; the gRPC port is picked afresh on each of the tries.
      DevServer.Options options =
          new DevServer.Options(
              cli,
              0,
              taken.getLocalPort(),
              data.resolve("temporal.sqlite"),
              data.resolve("temporal.log"),
              List.of(),
              Duration.ofSeconds(60));

      assertThatThrownBy(() -> DevServer.start(options))
          .isInstanceOf(DevServer.PortTaken.class)
          .hasMessageContaining("address already in use");
    }
  }

  private static Path cli() {
    Optional<Path> cli = TemporalCli.locate(null);
    if ("true".equals(System.getenv("FACET_REQUIRE_TEMPORAL_CLI"))) {
      assertThat(cli).as("the temporal CLI (FACET_REQUIRE_TEMPORAL_CLI=true)").isPresent();
    }
    assumeThat(cli)
        .as(
            "No `temporal` CLI on the PATH, in ~/.temporalio/bin or ~/go/bin: skipped."
                + " Set FACET_REQUIRE_TEMPORAL_CLI=true to fail instead.")
        .isPresent();
    return cli.orElseThrow();
  }

  private DevServer.Options options(Path cli, List<SearchAttributeKey<?>> attributes) {
    return new DevServer.Options(
        cli,
        0,
        0,
        data.resolve("temporal.sqlite"),
        data.resolve("temporal.log"),
        attributes,
        Duration.ofSeconds(60));
  }

  private static int port(DevServer server) {
    String target = server.target();
    return Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
  }

  private static WorkflowServiceStubs stubs(DevServer server) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
  }

  private static Map<String, IndexedValueType> searchAttributes(DevServer server) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(server.target())
                .validateAndBuildWithDefaults());
    try {
      return operator
          .blockingStub()
          .listSearchAttributes(
              ListSearchAttributesRequest.newBuilder().setNamespace("default").build())
          .getCustomAttributesMap();
    } finally {
      operator.shutdownNow();
    }
  }
}
