package dev.facet.devkit.providers;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake provider that charges as the real one does, and the ledger a test reads of it: what it
 * billed, each charge and what became of it, and the requests it never charged because they were
 * cut short or hung up on. {@link FakeBfl} and {@link FakeOpenAi} keep theirs alike through it.
 */
abstract class ChargingFake {

  private final AtomicInteger billed = new AtomicInteger();
  private final Map<String, AtomicInteger> billedBy = new ConcurrentHashMap<>();
  final ChargeLog charges = new ChargeLog();
  final IncompleteRequests incomplete = new IncompleteRequests();
  final List<String> hungUp = new CopyOnWriteArrayList<>();

  /** Units charged (tasks, images), since start or reset. */
  public int billed() {
    return billed.get();
  }

  /**
   * Units charged, by how: {@link FakeBfl} counts tasks by {@code <submit scenario>/<how the task
   * ends>} ({@code ok/Ready} made an image whose id reached the client, {@code
   * drop_after_accept/Ready} was paid but its id lost, {@code ok/Content Moderated} was paid and
   * makes no image); {@link FakeOpenAi} counts images by the scenario answered: {@code ok}, {@code
   * slow}, or one that loses the answer after the charge ({@code drop_after_accept}, {@code
   * truncated}, {@code malformed}, {@code corrupt_image}; {@code moderation_blocked} with {@link
   * FakeOpenAi#billModerated}).
   */
  public Map<String, Integer> billedBy() {
    return counts(billedBy);
  }

  /** Every charge since start or reset, with what became of it. */
  public List<FakeCharge> charges() {
    return charges.all();
  }

  /**
   * Requests whose connection closed before their body was whole, since start or reset: never
   * charged, as the providers act on complete requests only.
   */
  public List<IncompleteRequest> incompleteRequests() {
    return incomplete.all();
  }

  /**
   * The {@code X-Client-Request-Id}s of the complete requests the {@code drop} scenario hung up on
   * before any work, since start or reset: never charged, though the client cannot know.
   */
  public List<String> hungUpBeforeCharging() {
    return List.copyOf(hungUp);
  }

  /** Charges {@code units} for {@code exchange} as {@code id}, counted in {@code billedAs}. */
  final void charge(
      String id, HttpExchange exchange, String scenario, String billedAs, int units, long arrived) {
    billed.addAndGet(units);
    billedBy.computeIfAbsent(billedAs, k -> new AtomicInteger()).addAndGet(units);
    charges.charged(id, exchange, scenario, units, arrived);
  }

  /** Forgets every charge and uncharged request. */
  final void resetLedger() {
    billed.set(0);
    billedBy.clear();
    charges.clear();
    incomplete.clear();
    hungUp.clear();
  }

  static Map<String, Integer> counts(Map<String, AtomicInteger> counters) {
    Map<String, Integer> copy = new TreeMap<>();
    counters.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }
}
