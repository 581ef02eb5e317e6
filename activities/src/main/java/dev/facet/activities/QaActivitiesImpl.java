package dev.facet.activities;

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
    FacetMetrics.qaChecks(Activity.getExecutionContext().getMetricsScope(), checks);
    return new QaReport(image.shot(), image.channel(), image.image(), checks);
  }
}
