package dev.facet.activities;

import dev.facet.imaging.ProductView;
import dev.facet.model.Reference;
import dev.facet.storage.ObjectStore;
import dev.facet.storage.RecentlyUsed;
import java.util.Map;

/**
 * The references' product views, each read from the store once per worker. Scoring and every QA
 * check of a shoot's finished images compare with the same few views, which capture stored under
 * keys of its own run and nothing rewrites, so a view read once stays true.
 */
public final class ReferenceViews {

  /** Views kept: a few shoots' references at about 0.6 MB each. */
  private static final int CAPACITY = 48;

  private final StoredImages images;
  private final Map<String, ProductView> recent = new RecentlyUsed<>(CAPACITY);

  public ReferenceViews(ObjectStore store) {
    this.images = new StoredImages(store);
  }

  /**
   * One lock for all: a view is read in milliseconds, and two checks starting together read it
   * once.
   */
  synchronized ProductView of(Reference reference) {
    String key = reference.view() != null ? reference.view().key() : reference.image().key();
    return recent.computeIfAbsent(key, k -> images.view(reference));
  }
}
