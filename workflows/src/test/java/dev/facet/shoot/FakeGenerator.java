package dev.facet.shoot;

import dev.facet.model.Candidate;
import dev.facet.model.Charge;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.GenerationCheckpoint;
import dev.facet.steps.Providers;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A generator that can fail a given variant a number of times, or for good, or die on every attempt
 * with a paid request in flight; its candidates carry the charges it is told of.
 */
final class FakeGenerator implements GenerationActivities {

  /** "shot vN" → how many attempts fail before one succeeds. */
  final Map<String, Integer> transientFailures = new ConcurrentHashMap<>();

  /** "shot vN" → a failure thrown on every attempt. */
  final Map<String, ApplicationFailure> permanentFailures = new ConcurrentHashMap<>();

  /** Calls per candidate id, retries included. */
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /** Decides per call whether it fails; null = it does not. */
  volatile java.util.function.Function<GenerateRequest, ApplicationFailure> failure = r -> null;

  /** Prompts received, by candidate id (the last one wins). */
  final Map<String, String> prompts = new ConcurrentHashMap<>();

  volatile double costUsd = 0.04;

  /** The ledger lines of a delivered candidate; null = none (a legacy candidate of costUsd). */
  volatile java.util.function.Function<GenerateRequest, List<Charge>> charges = r -> null;

  /**
   * Variants whose every attempt puts this request in flight and heartbeats it; the last one then
   * falls silent, as a worker killed mid-request leaves it, the others fail at once (the test
   * server's clock stands still while an attempt is silent: one heartbeat timeout is enough).
   */
  final Map<String, Charge> diesInFlight = new ConcurrentHashMap<>();

  @Override
  public Candidate generate(GenerateRequest request) {
    String id = Candidate.id(request.round(), request.shot().name(), request.variant());
    calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    String subject = request.shot().name() + " v" + request.variant();
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    prompts.put(id, request.prompt().prompt());
    ApplicationFailure injected = failure.apply(request);
    if (injected != null) {
      throw injected;
    }
    if (diesInFlight.containsKey(subject)) {
      Activity.getExecutionContext()
          .heartbeat(GenerationCheckpoint.NONE.sending(diesInFlight.get(subject)));
      if (attempt < ShootActivityOptions.GENERATE_MAX_ATTEMPTS) {
        throw new IllegalStateException("provider unavailable (injected, attempt " + attempt + ")");
      }
      // Not a word more from this attempt, as from a killed worker: the heartbeat timeout ends it.
      Activity.getExecutionContext().doNotCompleteOnReturn();
      return null;
    }
    if (permanentFailures.containsKey(subject)) {
      throw permanentFailures.get(subject);
    }
    if (attempt <= transientFailures.getOrDefault(subject, 0)) {
      throw new IllegalStateException("provider unavailable (injected, attempt " + attempt + ")");
    }
    String key =
        request.keys().candidate(request.round(), request.shot().name(), request.variant(), "png");
    List<Charge> charged = charges.apply(request);
    return new Candidate(
        id,
        request.round(),
        request.shot().name(),
        request.variant(),
        request.provider(),
        Providers.modelOf(request.provider()).orElse(null),
        FakeSteps.image(key),
        null,
        attempt,
        charged == null ? costUsd : charged.stream().mapToDouble(Charge::usd).sum(),
        charged);
  }
}
