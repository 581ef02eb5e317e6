package dev.facet.activities;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.facet.json.FacetJson;
import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.model.ProductSpec;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.steps.PublishActivities;
import dev.facet.steps.PublishRequest;
import dev.facet.storage.ObjectStore;
import java.util.List;
import java.util.Optional;

/**
 * Writes the manifest of an approved shoot: what was made, of which product, approved by whom, at
 * what cost, and per shot and channel the file (key, digest, size, type) with its QA summary. Has
 * no timestamp, so a retry writes the same bytes; and a stored manifest is returned as is.
 */
public final class PublishActivitiesImpl implements PublishActivities {

  static final String MEDIA_TYPE = "application/json";

  private final ObjectStore store;

  public PublishActivitiesImpl(ObjectStore store) {
    this.store = store;
  }

  /** The manifest document. */
  record Manifest(
      String sku,
      String workflowId,
      ProductSpec product,
      int round,
      String approvedBy,
      double costUsd,
      List<Image> images) {}

  record Image(
      String shot,
      String channel,
      String candidateId,
      String key,
      String sha256,
      long bytes,
      String mediaType,
      int width,
      int height,
      Qa qa) {}

  record Qa(boolean passed, List<String> failed, List<QaCheck> checks) {}

  @Override
  public ImageRef publish(PublishRequest request) {
    String key = request.keys().manifest();
    Optional<ImageRef> stored = store.find(key);
    if (stored.isPresent()) {
      return stored.get();
    }
    List<Image> images = request.finals().stream().map(f -> image(f, request.qa())).toList();
    Manifest manifest =
        new Manifest(
            request.product().sku(),
            request.workflowId(),
            request.product(),
            request.round(),
            request.approvedBy(),
            request.costUsd(),
            images);
    try {
      return store.put(key, FacetJson.PRETTY.writeValueAsBytes(manifest), MEDIA_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest cannot be written as JSON", e);
    }
  }

  private static Image image(ChannelImage f, List<QaReport> reports) {
    Qa qa =
        reports.stream()
            .filter(r -> r.shot().equals(f.shot()) && r.channel().equals(f.channel()))
            .findFirst()
            .map(
                r ->
                    new Qa(
                        r.passed(),
                        r.checks().stream().filter(c -> !c.passed()).map(QaCheck::name).toList(),
                        r.checks()))
            .orElse(null);
    ImageRef ref = f.image();
    return new Image(
        f.shot(),
        f.channel(),
        f.candidateId(),
        ref.key(),
        ref.sha256(),
        ref.bytes(),
        ref.mediaType(),
        ref.width(),
        ref.height(),
        qa);
  }
}
