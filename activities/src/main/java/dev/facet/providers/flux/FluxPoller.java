package dev.facet.providers.flux;

import dev.facet.providers.ProviderException;
import dev.facet.providers.ProviderFailure;
import dev.facet.steps.Providers;
import java.time.Clock;
import java.time.Instant;

/**
 * Polls a task until BFL reports a terminal status, calling back between polls so the activity can
 * heartbeat. Failed polls are retried here within {@link FluxSettings#maxPollErrors()}: a poll
 * costs nothing, and BFL's poll endpoint is known to answer 500 now and then
 * (black-forest-labs/flux#499).
 */
public final class FluxPoller {

  private final FluxClient client;
  private final Clock clock;

  public FluxPoller(FluxClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public FluxPoller(FluxClient client) {
    this(client, Clock.systemUTC());
  }

  /**
   * @param beforeEachPoll e.g. a check that the attempt is still current; runs before every poll
   * @return the first answer with a terminal status
   * @throws ProviderException {@link ProviderFailure#UNAVAILABLE} when the budget runs out or polls
   *     keep failing (the task may still finish: resume it), or a non-retryable poll failure
   */
  public FluxPoll await(FluxTask task, Runnable beforeEachPoll) {
    FluxSettings settings = client.settings();
    Instant deadline = clock.instant().plus(settings.pollBudget());
    int failedPolls = 0;
    while (true) {
      beforeEachPoll.run();
      try {
        FluxPoll poll = client.poll(task);
        if (poll.kind().terminal()) {
          return poll;
        }
        failedPolls = 0;
      } catch (ProviderException e) {
        if (!e.retryable() || ++failedPolls > settings.maxPollErrors()) {
          throw e;
        }
      }
      if (clock.instant().isAfter(deadline)) {
        throw ProviderException.builder(
                ProviderFailure.UNAVAILABLE,
                Providers.FLUX,
                "task still running after " + settings.pollBudget().toSeconds() + " s of polling")
            .requestId(task.id())
            .build();
      }
      pause(settings);
    }
  }

  private static void pause(FluxSettings settings) {
    try {
      Thread.sleep(settings.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderException.builder(
              ProviderFailure.UNAVAILABLE, Providers.FLUX, "interrupted while polling")
          .cause(e)
          .build();
    }
  }
}
