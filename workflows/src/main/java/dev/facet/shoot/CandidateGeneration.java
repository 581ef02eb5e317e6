package dev.facet.shoot;

import dev.facet.model.Candidate;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.Providers;
import dev.facet.steps.ShootKeys;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The generate step: every variant of every shot at once, each down the policy's provider chain. A
 * variant that still fails after its retries moves to the next provider; a moderated prompt is
 * retried once, softened, on the same provider; refused credentials or spent credit retire a
 * provider for the rest of the shoot; the budget stops paid generations. In a bake-off every
 * provider makes every shot's variants, numbered on from one provider to the next, without falling
 * back: a provider's failure is part of what the bake-off measures.
 */
final class CandidateGeneration {

  private static final Logger log = Workflow.getLogger(CandidateGeneration.class);

  private final ShootRequest request;
  private final ShootRecord record;
  private final StepStubs steps;
  private final ProviderMeasurement measurement;
  private final PromptWriter prompts;
  private ProviderChain chain;

  /** Why the last variant of each shot failed, for the message when none succeeded. */
  private final Map<String, String> lastError = new LinkedHashMap<>();

  /**
   * Per shot, the deterministic provider whose images automated QA sent back: the shot's chain
   * starts after it, since it would make the same images again.
   */
  private final Map<String, String> startAfter = new LinkedHashMap<>();

  CandidateGeneration(
      ShootRequest request,
      ShootRecord record,
      StepStubs steps,
      ProviderMeasurement measurement,
      PromptWriter prompts) {
    this.request = request;
    this.record = record;
    this.steps = steps;
    this.measurement = measurement;
    this.prompts = prompts;
    this.chain = new ProviderChain(request.policy().providers(), request.policy().budgetUsd());
  }

  /** Uses {@code providers} as the chain instead of the policy's: the routing decision's. */
  void route(List<String> providers) {
    this.chain = new ProviderChain(providers, request.policy().budgetUsd());
  }

  /**
   * Why another round of these shots would make the same images again, or null when it would not: a
   * deterministic generator (the studio renderer) with the same photos makes the same pictures, and
   * nothing in the chain comes after it.
   */
  String wouldRepeat(List<String> shots) {
    for (String shot : shots) {
      String provider = madeBy(shot);
      if (provider != null && Providers.deterministic(provider) && chain.after(provider) == null) {
        return "the "
            + provider
            + " generator would make the same images of shot '"
            + shot
            + "' again from the same photos, and no other provider is in the chain";
      }
    }
    return null;
  }

  /** Moves these shots past the deterministic provider that made their last images. */
  void moveOn(List<String> shots) {
    for (String shot : shots) {
      String provider = madeBy(shot);
      if (provider != null && Providers.deterministic(provider)) {
        startAfter.put(shot, provider);
      }
    }
  }

  /** The provider of the shot's selected candidate this round. */
  private String madeBy(String shot) {
    CandidateView selected = record.selected(shot);
    return selected == null ? null : selected.candidate().provider();
  }

  /**
   * Makes this round's candidates and adds them to the record.
   *
   * @throws UnrecoverableShoot when a shot got no candidate at all
   */
  void generate(ShootKeys keys, List<ShotSpec> shots) {
    Map<String, Promise<Candidate>> running = new LinkedHashMap<>();
    int variants = request.policy().variants();
    for (ShotSpec shot : shots) {
      if (request.policy().bakeoff()) {
        List<String> providers = request.policy().providers();
        for (int p = 0; p < providers.size(); p++) {
          String only = providers.get(p);
          for (int variant = p * variants + 1; variant <= (p + 1) * variants; variant++) {
            int v = variant;
            running.put(shot.name() + " v" + v, Async.function(() -> variant(keys, shot, v, only)));
          }
        }
        continue;
      }
      for (int variant = 1; variant <= variants; variant++) {
        int v = variant;
        running.put(shot.name() + " v" + v, Async.function(() -> variant(keys, shot, v, null)));
      }
    }
    Map<String, List<Candidate>> byShot = new LinkedHashMap<>();
    running
        .values()
        .forEach(
            promise -> {
              Candidate candidate = promise.get();
              if (candidate != null) {
                byShot.computeIfAbsent(candidate.shot(), s -> new ArrayList<>()).add(candidate);
              }
            });
    for (ShotSpec shot : shots) {
      if (!byShot.containsKey(shot.name())) {
        throw new UnrecoverableShoot(
            "no candidate could be generated for shot '"
                + shot.name()
                + "': "
                + lastError.get(shot.name()));
      }
    }
    byShot.values().forEach(record::addCandidates);
  }

  /**
   * One variant down the provider chain, or on {@code only} that provider when not null (a
   * bake-off); null when no provider could make it.
   */
  private Candidate variant(ShootKeys keys, ShotSpec shot, int variant, String only) {
    String subject = shot.name() + " v" + variant;
    ShotPrompt prompt = record.prompt(shot.name());
    boolean softened = false;
    String provider =
        only == null ? chain.after(startAfter.get(shot.name())) : chain.usable(only) ? only : null;
    if (provider == null) {
      lastError.put(shot.name(), "no generator is usable: " + String.join(", ", record.alerts()));
    }
    while (provider != null) {
      String current = provider;
      Workflow.await(() -> chain.canJudge(current));
      if (!chain.affordable(provider)) {
        String spent = "the budget of $" + request.policy().budgetUsd() + " is spent";
        alert("budget of $" + request.policy().budgetUsd() + " reached: no new paid generations");
        String next = only == null ? chain.after(provider) : null;
        record.fellBack(subject, provider, next, spent);
        lastError.put(shot.name(), spent);
        provider = next;
        continue;
      }
      String attempt = subject + " (" + provider + ")";
      chain.reserve(provider);
      long started = Workflow.currentTimeMillis();
      try {
        Candidate candidate =
            steps
                .stub(
                    GenerationActivities.class,
                    ShootActivityOptions.generate(provider),
                    "generate " + attempt)
                .generate(
                    new GenerateRequest(
                        keys,
                        record.round(),
                        shot,
                        variant,
                        prompt,
                        record.references(),
                        record.signature(),
                        request.style(),
                        provider,
                        request.styleReference()));
        chain.settle(provider, record.charge(candidate));
        record.succeeded("generate", attempt, candidate.attempts());
        measurement.generated(candidate, Workflow.currentTimeMillis() - started);
        return candidate;
      } catch (ActivityFailure e) {
        chain.release(provider, record.charge(e));
        record.failed("generate", attempt, e, ShootActivityOptions.GENERATE_MAX_ATTEMPTS);
        lastError.put(shot.name(), ActivityFailures.describe(e));
        String type = ActivityFailures.type(e);
        if (FailureTypes.PROVIDER_MODERATED.equals(type) && !softened) {
          softened = true;
          prompt = SoftenedPrompt.of(promptWithoutFeedback(shot));
          record.fellBack(
              subject, provider, provider, "moderated: retrying once with a softened prompt");
          continue;
        }
        if (FailureTypes.PROVIDER_AUTH.equals(type)
            || FailureTypes.PROVIDER_OUT_OF_CREDIT.equals(type)) {
          chain.retire(provider);
          alert("provider " + provider + " is unusable: " + ActivityFailures.describe(e));
        }
        measurement.notGenerated(shot.name(), provider, type);
        String next = only == null ? chain.after(provider) : null;
        record.fellBack(subject, provider, next, ActivityFailures.describe(e));
        provider = next;
      }
    }
    return null;
  }

  /** The shot's prompt as written without reviewer feedback: the base for softening. */
  private ShotPrompt promptWithoutFeedback(ShotSpec shot) {
    return prompts.compose(List.of(shot), "", "soften " + shot.name()).get(0);
  }

  private void alert(String alert) {
    if (record.alert(alert)) {
      log.error("Shoot {}: {}", request.product().sku(), alert);
    }
  }
}
