package dev.facet.catalog;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Asks Temporal how shoots ended. A catalog normally hears it from the shoots themselves; this is
 * how it learns of a shoot that closed without telling it, e.g. one an operator terminated.
 */
@ActivityInterface
public interface ShootWatchActivities {

  /**
   * An update for every shoot among {@code skus} that has closed, with its outcome: a shoot that
   * failed, was terminated, cancelled or timed out comes back as {@code FAILED} with the reason.
   * Open ones are left out.
   */
  List<ShootUpdate> closedShoots(List<String> skus);
}
