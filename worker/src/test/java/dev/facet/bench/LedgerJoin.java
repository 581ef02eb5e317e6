package dev.facet.bench;

import dev.facet.devkit.providers.FakeCharge;
import dev.facet.devkit.providers.IncompleteRequest;
import dev.facet.model.Charge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One provider's ledger lines joined, line by line, to what the provider saw of each request: a
 * charge, found by the provider's id (a billed line) or by the id Facet sent with the request (a
 * maybe-billed line, whose answer never came); or a request whose connection closed before its last
 * byte, which the provider therefore never charged; or one the provider hung up on before charging.
 * Whatever joins nothing is listed: a line the provider has no trace of, or a charge no line
 * counts.
 *
 * @param billed billed lines, each under the id of a charge the provider made
 * @param maybeBilledCharged maybe-billed lines whose request the provider charged
 * @param cutShort maybe-billed lines whose request reached the provider incomplete, with it
 * @param hungUp maybe-billed lines whose request the provider hung up on before charging
 * @param untraced lines the provider has no trace of (a billed id it never charged, a request it
 *     never saw), or that count a charge another line counts already
 * @param offLedger charges no line counts
 */
record LedgerJoin(
    int billed,
    int maybeBilledCharged,
    List<CutShort> cutShort,
    int hungUp,
    List<Charge> untraced,
    List<FakeCharge> offLedger) {

  /** A maybe-billed line and the incomplete request it names. */
  record CutShort(Charge line, IncompleteRequest request) {}

  /**
   * @param hungUp the client request ids of requests the provider hung up on before charging
   */
  static LedgerJoin of(
      List<Charge> ledger,
      List<FakeCharge> charges,
      List<IncompleteRequest> incomplete,
      List<String> hungUp) {
    Map<String, FakeCharge> byId = new HashMap<>();
    Map<String, FakeCharge> byClientId = new HashMap<>();
    for (FakeCharge charge : charges) {
      byId.put(charge.id(), charge);
      if (charge.clientRequestId() != null) {
        byClientId.put(charge.clientRequestId(), charge);
      }
    }
    Map<String, IncompleteRequest> cutById = new HashMap<>();
    incomplete.stream()
        .filter(r -> r.clientRequestId() != null)
        .forEach(r -> cutById.put(r.clientRequestId(), r));

    Set<String> unanswered = new HashSet<>(hungUp);
    Set<String> counted = new HashSet<>();
    int billed = 0;
    int maybeCharged = 0;
    List<CutShort> cutShort = new ArrayList<>();
    int hungUpOn = 0;
    List<Charge> untraced = new ArrayList<>();
    for (Charge line : ledger) {
      FakeCharge charge = line.requestId() != null ? byId.get(line.requestId()) : null;
      if (charge == null
          && line.billing() == Charge.Billing.MAYBE_BILLED
          && line.clientRequestId() != null) {
        charge = byClientId.get(line.clientRequestId());
      }
      if (charge != null && counted.add(charge.id())) {
        if (line.billing() == Charge.Billing.BILLED) {
          billed++;
        } else {
          maybeCharged++;
        }
      } else if (charge == null
          && line.billing() == Charge.Billing.MAYBE_BILLED
          && cutById.containsKey(line.clientRequestId())) {
        cutShort.add(new CutShort(line, cutById.get(line.clientRequestId())));
      } else if (charge == null
          && line.billing() == Charge.Billing.MAYBE_BILLED
          && unanswered.remove(line.clientRequestId())) {
        hungUpOn++;
      } else {
        untraced.add(line);
      }
    }
    List<FakeCharge> offLedger = charges.stream().filter(c -> !counted.contains(c.id())).toList();
    return new LedgerJoin(
        billed, maybeCharged, List.copyOf(cutShort), hungUpOn, List.copyOf(untraced), offLedger);
  }

  /** Cut-short requests whose connection closed within {@code withinMillis} after a kill. */
  long cutAtKill(List<Long> kills, long withinMillis) {
    return cutShort.stream().filter(c -> atAKill(c.request(), kills, withinMillis)).count();
  }

  static boolean atAKill(IncompleteRequest request, List<Long> kills, long withinMillis) {
    return kills.stream()
        .anyMatch(
            k ->
                request.brokenAt() >= k
                    && request.brokenAt() <= k + withinMillis
                    && request.arrivedAt() <= k);
  }

  boolean everyLineTraced() {
    return untraced.isEmpty() && offLedger.isEmpty();
  }
}
