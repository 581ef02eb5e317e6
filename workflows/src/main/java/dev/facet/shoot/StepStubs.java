package dev.facet.shoot;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
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

  /** The same for a local activity: run by the workflow's worker, recorded as one marker. */
  <T> T localStub(Class<T> activities, LocalActivityOptions options, String summary) {
    return Workflow.newLocalActivityStub(
        activities, options.toBuilder().setSummary(sku + ": " + summary).build());
  }
}
