package dev.facet.providers;

import dev.facet.activities.LiveAttempt;
import dev.facet.model.Charge;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationCheckpoint;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import java.util.function.Function;

/**
 * One attempt at a paid generation, and its money. It starts from the checkpoint the previous
 * attempt left, where a request still in flight is maybe billed (its worker died with it); it puts
 * every request in flight on the server before sending it, and the answer's charge right after; and
 * it hands its checkpoint to the workflow with its result or its failure. So a retry resumes what
 * was paid instead of paying again, and no charge is missing from the ledger.
 */
final class PaidAttempt implements AutoCloseable {

  private final String provider;
  private final String model;
  private final String candidateId;
  private final int attempt;
  private final LiveAttempt<GenerationCheckpoint> live;

  private PaidAttempt(
      ActivityExecutionContext activity, String provider, String model, String candidateId) {
    this.provider = provider;
    this.model = model;
    this.candidateId = candidateId;
    this.attempt = activity.getInfo().getAttempt();
    GenerationCheckpoint previous =
        activity.getHeartbeatDetails(GenerationCheckpoint.class).orElse(GenerationCheckpoint.NONE);
    this.live = LiveAttempt.start(activity, previous.afterCrash());
  }

  /**
   * Runs {@code generation} as one attempt of the current activity; any failure leaves with the
   * attempt's checkpoint (see {@link #failure}).
   */
  static <T> T run(
      GenerateRequest request, String provider, String model, Function<PaidAttempt, T> generation) {
    try (PaidAttempt paid =
        new PaidAttempt(
            Activity.getExecutionContext(), provider, model, GeneratedCandidates.id(request))) {
      try {
        return generation.apply(paid);
      } catch (ActivityCompletionException gone) {
        // Cancelled or timed out: the server no longer takes this attempt's word.
        throw gone;
      } catch (RuntimeException e) {
        throw paid.failure(e);
      }
    }
  }

  int attempt() {
    return attempt;
  }

  GenerationCheckpoint checkpoint() {
    return live.details();
  }

  /**
   * What a provider's answer says it charged.
   *
   * @param id its request or task id
   * @param resumeUrl where its result waits to be collected, or null when the answer holds it
   */
  record Receipt(String id, double usd, String resumeUrl) {}

  /**
   * Sends one paid request as every paid request goes: on record as in flight before it leaves, so
   * a crash cannot hide it; then on record with its charge, billed as the answer says, or maybe
   * billed when the answer was lost, or none when the provider refused it. The in-flight record is
   * made at the last moment, with the request's last byte held back: only a crash in the moment
   * between the record and that byte leaves a maybe-billed charge the provider never made. The line
   * carries the request's own id ({@link ClientRequest}), so even then it names the request the
   * provider saw cut short.
   *
   * @param request sends the request as the given {@link ClientRequest}
   * @param listPrice what it costs if its answer never says
   * @throws ProviderException as {@code request} throws it
   */
  <T> T pay(double listPrice, Function<ClientRequest, T> request, Function<T, Receipt> receipt) {
    String clientRequestId = UUID.randomUUID().toString();
    GenerationCheckpoint sending =
        checkpoint()
            .sending(Charge.inFlight(provider, model, candidateId, clientRequestId, listPrice));
    T answer;
    try {
      answer = request.apply(new ClientRequest(clientRequestId, () -> live.record(sending)));
    } catch (ProviderException e) {
      live.record(
          e.mayHaveBilled()
              ? sending.settled(
                  sending
                      .inFlight()
                      .maybeBilled(e.requestId().orElse(null), e.maybeBilledBecause()),
                  null)
              : sending.unsent());
      throw e;
    }
    Receipt paid = receipt.apply(answer);
    live.record(
        sending.settled(sending.inFlight().billed(paid.id(), paid.usd()), paid.resumeUrl()));
    return answer;
  }

  /** The last charge will deliver nothing, for {@code why}. */
  void lost(String why) {
    live.record(checkpoint().lost(why));
  }

  /** Stops the attempt when the server has given its work to another (cancelled, timed out). */
  void stillCurrent() {
    live.stillCurrent();
  }

  /** The checkpoint of a delivered candidate: its last charge delivered it. */
  GenerationCheckpoint delivered() {
    return checkpoint().delivered();
  }

  /**
   * The activity failure for {@code e}, carrying the checkpoint as its second detail for the
   * workflow's ledger, once the checkpoint is on the server for the next attempt: a failure's
   * details never reach a retry.
   */
  private ApplicationFailure failure(RuntimeException e) {
    GenerationCheckpoint now = checkpoint().abandoned(Charge.ANSWER_LOST);
    try {
      live.record(now);
    } catch (RuntimeException unrecorded) {
      e.addSuppressed(unrecorded);
    }
    if (e instanceof ProviderException provider) {
      return provider.toApplicationFailure(attempt, now);
    }
    ApplicationFailure.Builder failure = ApplicationFailure.newBuilder().setDetails(attempt, now);
    if (e instanceof ApplicationFailure typed) {
      return failure
          .setType(typed.getType())
          .setMessage(typed.getOriginalMessage())
          .setNonRetryable(typed.isNonRetryable())
          .setNextRetryDelay(typed.getNextRetryDelay())
          .setCause(typed.getCause())
          .build();
    }
    return failure
        .setType(e.getClass().getName())
        .setMessage(String.valueOf(e.getMessage()))
        .setCause(e)
        .build();
  }

  @Override
  public void close() {
    live.close();
  }
}
