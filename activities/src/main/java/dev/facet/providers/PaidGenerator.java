package dev.facet.providers;

import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.Providers;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * A generator with models: a bare name ({@code flux}) runs its configured default, a name with a
 * model ({@code flux:flux-pro-1.1}) runs that one, so one bake-off can compare two models of a
 * provider. Not an activity interface itself: Temporal registers only {@link #generate}.
 */
public interface PaidGenerator extends GenerationActivities {

  /** The model a bare name runs, as the provider spells it. */
  String defaultModel();

  /** Why {@code model} cannot run here, in words a person can act on; empty when it can. */
  Optional<String> modelProblem(String model);

  /**
   * The model {@code request} asks for.
   *
   * @throws ApplicationFailure {@link ProviderFailure#INVALID_REQUEST}, not retried, when it cannot
   *     run here: nothing is paid for a model that cannot be priced or called
   */
  default String modelOf(GenerateRequest request, int attempt) {
    String model = Providers.modelOf(request.provider()).orElse(defaultModel());
    Optional<String> problem = modelProblem(model);
    if (problem.isPresent()) {
      throw ProviderException.builder(
              ProviderFailure.INVALID_REQUEST,
              Providers.providerOf(request.provider()),
              problem.get())
          .doNotRetry()
          .build()
          .toApplicationFailure(attempt);
    }
    return model;
  }
}
