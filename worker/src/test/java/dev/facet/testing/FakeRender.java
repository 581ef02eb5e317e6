package dev.facet.testing;

import dev.facet.model.ChannelImage;
import io.temporal.activity.ActivityInterface;

/** Stands in for the step activities: writes one finished image into the object store. */
@ActivityInterface
public interface FakeRender {

  ChannelImage render(String sku, String shot, String channel);
}
