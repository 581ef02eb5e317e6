package dev.facet.model;

/**
 * One line of the cost ledger: a request a provider may have charged for, and whether it delivered.
 *
 * @param provider {@code openai} or {@code flux}
 * @param model as the provider spells it
 * @param candidateId the variant it was made for, {@code r1-hero-v2}
 * @param requestId the provider's request or task id; null when the answer carrying it was lost
 * @param clientRequestId the id Facet sent with the request ({@code X-Client-Request-Id}), known
 *     before the request left: it names a request whose answer was lost, in the provider's logs and
 *     in a test's fake; null on lines recorded before requests carried one
 * @param usd its price: the provider's stated cost, else the list price
 * @param billing whether the provider's answer confirmed the charge
 * @param reason why it is only maybe billed, or why it delivered nothing; null for a billed charge
 *     that delivered
 * @param delivered whether it delivered the candidate
 */
public record Charge(
    String provider,
    String model,
    String candidateId,
    String requestId,
    String clientRequestId,
    double usd,
    Billing billing,
    String reason,
    boolean delivered) {

  /** The request went out and the answer that would have said so never came back whole. */
  public static final String ANSWER_LOST = "answer lost";

  /** The connection broke after the request went out. */
  public static final String DROPPED_CONNECTION = "dropped connection";

  /** The worker died while the request was in flight. */
  public static final String WORKER_KILLED = "worker killed";

  public enum Billing {
    /** The provider answered: it took the request, so it charges for it. */
    BILLED,
    /** The provider may have taken the request, but its answer was lost: only its invoice knows. */
    MAYBE_BILLED
  }

  /** A request sent and not answered yet: should its attempt die now, it is maybe billed. */
  public static Charge inFlight(
      String provider, String model, String candidateId, String clientRequestId, double usd) {
    return new Charge(
        provider,
        model,
        candidateId,
        null,
        clientRequestId,
        usd,
        Billing.MAYBE_BILLED,
        WORKER_KILLED,
        false);
  }

  /** This request's answer came back: the provider took it. */
  public Charge billed(String id, double charged) {
    return new Charge(
        provider, model, candidateId, id, clientRequestId, charged, Billing.BILLED, null, false);
  }

  /** This request went out and its answer was lost, for {@code why}. */
  public Charge maybeBilled(String id, String why) {
    return new Charge(
        provider, model, candidateId, id, clientRequestId, usd, Billing.MAYBE_BILLED, why, false);
  }

  /** Paid for, and it will deliver nothing, for {@code why}. */
  public Charge lost(String why) {
    return new Charge(
        provider, model, candidateId, requestId, clientRequestId, usd, billing, why, false);
  }

  /** It delivered the candidate (found stored after all, if it had been given up as lost). */
  public Charge delivering() {
    return new Charge(
        provider, model, candidateId, requestId, clientRequestId, usd, billing, null, true);
  }
}
