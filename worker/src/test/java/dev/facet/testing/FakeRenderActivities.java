package dev.facet.testing;

import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.storage.ObjectStore;

public class FakeRenderActivities implements FakeRender {

  public static final int WIDTH = 64;
  public static final int HEIGHT = 48;

  private final ObjectStore store;

  public FakeRenderActivities(ObjectStore store) {
    this.store = store;
  }

  @Override
  public ChannelImage render(String sku, String shot, String channel) {
    ImageRef image =
        store.put(
            "test/" + sku + "/" + shot + "-" + channel + ".jpg",
            TestImages.jpeg(WIDTH, HEIGHT),
            "image/jpeg",
            WIDTH,
            HEIGHT);
    return new ChannelImage(shot, channel, "r1-" + shot + "-v1", image);
  }
}
