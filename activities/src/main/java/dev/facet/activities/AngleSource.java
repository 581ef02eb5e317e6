package dev.facet.activities;

import dev.facet.model.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Which reference photo a generated variant is made from: the references tagged with the shot's
 * angle first, then the others, variant after variant round the list. So a shot's variants show the
 * requested angle, and with enough variants the reviewer also sees the piece from its other sides.
 */
final class AngleSource {

  private AngleSource() {}

  static Reference pick(List<Reference> references, String referenceAngle, int variant) {
    if (references.isEmpty()) {
      throw StepFailures.invalidInput("No reference photos to generate from");
    }
    List<Reference> order = order(references, referenceAngle);
    return order.get(Math.floorMod(variant, order.size()));
  }

  static List<Reference> order(List<Reference> references, String referenceAngle) {
    List<Reference> matching = new ArrayList<>(), others = new ArrayList<>();
    for (Reference r : references) {
      (r.angle().equalsIgnoreCase(referenceAngle == null ? "" : referenceAngle) ? matching : others)
          .add(r);
    }
    matching.addAll(others);
    return matching;
  }
}
