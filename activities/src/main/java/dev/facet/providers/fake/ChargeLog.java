package dev.facet.providers.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The charges a fake provider made, in order, each with what became of it. */
final class ChargeLog {

  private final Map<String, FakeCharge> charges = new LinkedHashMap<>();

  synchronized void charged(String id, String scenario, int units, long requestedAt) {
    charges.put(id, new FakeCharge(id, scenario, units, requestedAt, 0, 0, false));
  }

  /** The answer carrying the charge went out, or was dropped, now. */
  synchronized void answered(String id) {
    charges.computeIfPresent(id, (k, c) -> c.answeredAt() != 0 ? c
        : new FakeCharge(k, c.scenario(), c.units(), c.requestedAt(), now(), c.claimedAt(),
            c.collected()));
  }

  /** The client showed it holds the charge, now (the first time counts). */
  synchronized void claimed(String id) {
    charges.computeIfPresent(id, (k, c) -> c.claimedAt() != 0 ? c
        : new FakeCharge(k, c.scenario(), c.units(), c.requestedAt(), c.answeredAt(), now(),
            c.collected()));
  }

  /** The client took the image. */
  synchronized void collected(String id) {
    claimed(id);
    charges.computeIfPresent(id, (k, c) -> new FakeCharge(k, c.scenario(), c.units(),
        c.requestedAt(), c.answeredAt(), c.claimedAt(), true));
  }

  synchronized List<FakeCharge> all() {
    return List.copyOf(charges.values());
  }

  synchronized void clear() {
    charges.clear();
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
