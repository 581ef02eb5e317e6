package dev.facet.devkit.providers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the scenario of each request: the {@code X-Fake-Scenario} header, else the next scripted
 * one, else a seeded draw over the error rates, else {@code ok}.
 */
final class ScenarioPicker {

  static final String HEADER = "X-Fake-Scenario";
  static final String OK = "ok";

  private final Set<String> known;
  private final Deque<String> script = new ArrayDeque<>();
  private final Map<String, Double> rates = new LinkedHashMap<>();
  private Random random;
  private final long seed;

  ScenarioPicker(Set<String> known, long seed) {
    this.known = Set.copyOf(known);
    this.seed = seed;
    this.random = new Random(seed);
  }

  synchronized void script(List<String> scenarios) {
    scenarios.forEach(this::check);
    script.addAll(scenarios);
  }

  synchronized void rate(String scenario, double probability) {
    check(scenario);
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("a rate is 0..1, was " + probability);
    }
    rates.put(scenario, probability);
  }

  synchronized String next(String header) {
    if (header != null && !header.isBlank()) {
      return check(header.strip());
    }
    if (!script.isEmpty()) {
      return script.poll();
    }
    double draw = random.nextDouble();
    double cumulative = 0;
    for (Map.Entry<String, Double> rate : rates.entrySet()) {
      cumulative += rate.getValue();
      if (draw < cumulative) {
        return rate.getKey();
      }
    }
    return OK;
  }

  synchronized void reset() {
    script.clear();
    rates.clear();
    random = new Random(seed);
  }

  private String check(String scenario) {
    if (!known.contains(scenario)) {
      throw new IllegalArgumentException("unknown scenario '" + scenario + "', known: " + known);
    }
    return scenario;
  }
}
