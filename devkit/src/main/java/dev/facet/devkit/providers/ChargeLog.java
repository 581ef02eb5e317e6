package dev.facet.devkit.providers;

import com.sun.net.httpserver.HttpExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The charges a fake provider made, in order, each with what became of it. */
final class ChargeLog {

  private final Map<String, FakeCharge> charges = new LinkedHashMap<>();

  /** The request {@code exchange} was charged as {@code id}. */
  synchronized void charged(
      String id, HttpExchange exchange, String scenario, int units, long requestedAt) {
    charges.put(
        id,
        new FakeCharge(
            id,
            FakeHttp.clientRequestId(exchange),
            FakeHttp.lastByteWaitMs(exchange),
            scenario,
            units,
            requestedAt,
            0,
            0,
            false));
  }

  /** The answer carrying the charge went out, or was dropped, now. */
  synchronized void answered(String id) {
    charges.computeIfPresent(id, (k, c) -> c.answered(now()));
  }

  /** The client showed it holds the charge, now (the first time counts). */
  synchronized void claimed(String id) {
    charges.computeIfPresent(id, (k, c) -> c.claimed(now()));
  }

  /** The client took the image. */
  synchronized void collected(String id) {
    charges.computeIfPresent(id, (k, c) -> c.claimed(now()).taken());
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
