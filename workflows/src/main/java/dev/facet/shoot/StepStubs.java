package dev.facet.shoot;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/** Activity stubs for one shoot, one per call, so the Web UI's summary names product and work. */
final class StepStubs {

  private final String sku;

  StepStubs(String sku) {
    this.sku = sku;
  }

  <T> T stub(Class<T> activities, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(
        activities, options.toBuilder().setSummary(sku + ": " + summary).build());
  }
}
