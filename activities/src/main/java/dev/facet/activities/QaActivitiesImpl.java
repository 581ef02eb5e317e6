package dev.facet.activities;

import com.uber.m3.tally.Scope;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.Medians;
import dev.facet.imaging.ProductView;
import dev.facet.imaging.QualityInspector;
import dev.facet.metrics.FacetMetrics;
import dev.facet.model.ChannelImage;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.model.Reference;
import dev.facet.steps.QaActivities;
import dev.facet.steps.QaRequest;
import dev.facet.steps.RoundQaRequest;
import dev.facet.storage.ObjectStore;
import io.temporal.activity.Activity;
import java.util.List;

/** Step 6: the automated checks of one finished image, read back from the store as published. */
public final class QaActivitiesImpl implements QaActivities {

  private final StoredImages images;
  private final ReferenceViews views;
  private final ChannelPresets presets;
  private final QualityInspector inspector;

  public QaActivitiesImpl(
      ObjectStore store, ReferenceViews views, ChannelPresets presets, QualityInspector inspector) {
    this.images = new StoredImages(store);
    this.views = views;
    this.presets = presets;
    this.inspector = inspector;
  }

  @Override
  public QaReport inspect(QaRequest request) {
    return inspect(request, Activity.getExecutionContext().getMetricsScope());
  }

  /**
   * The round's images side by side, on the common fork-join pool: each is judged on its own, and
   * one shoot's QA no longer waits on a single core.
   */
  @Override
  public List<QaReport> inspectRound(RoundQaRequest request) {
    Scope metrics = Activity.getExecutionContext().getMetricsScope();
    return request.images().parallelStream()
        .map(image -> inspect(request.forImage(image), metrics))
        .toList();
  }

  private QaReport inspect(QaRequest request, Scope metrics) {
    ChannelImage image = request.image();
    ChannelPreset preset =
        presets
            .find(image.channel())
            .orElseThrow(
                () -> StepFailures.invalidInput("Unknown channel \"" + image.channel() + "\""));
    List<ProductView> references = request.references().stream().map(views::of).toList();
    double referenceSharpness =
        Medians.of(request.references().stream().mapToDouble(Reference::sharpness).toArray());
    QualityInspector.Expectations expected =
        new QualityInspector.Expectations(
            preset, request.signature(), references, referenceSharpness);
    List<QaCheck> checks = inspector.inspect(images.image(image.image()), expected);
    FacetMetrics.qaChecks(metrics, checks);
    return new QaReport(image.shot(), image.channel(), image.image(), checks);
  }
}
