package dev.facet.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** Answers "is a Temporal frontend listening there?" without waiting long. */
final class TemporalProbe {

  static final String LOOPBACK = "127.0.0.1";

  private TemporalProbe() {}

  /** True when something accepts connections on the port. */
  static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when a Temporal frontend answers on the port. */
  static boolean answers(String host, int port) {
    if (!listening(host, port)) {
      return false;
    }
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(host + ":" + port).build());
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(2, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return true;
    } catch (RuntimeException e) {
      return false;
    } finally {
      stubs.shutdownNow();
    }
  }
}
