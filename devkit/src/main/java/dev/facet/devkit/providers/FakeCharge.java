package dev.facet.devkit.providers;

/**
 * One charge a fake provider made, and what became of it: how a benchmark tells a charge that
 * delivered an image from one whose answer was lost (in flight when the client died, dropped by the
 * provider) and from one the client paid for and then forgot.
 *
 * @param id the BFL task id, or the OpenAI request id
 * @param clientRequestId the request's {@code X-Client-Request-Id}, null without one: how a
 *     maybe-billed ledger line, which never learnt {@code id}, finds its charge
 * @param lastByteWaitMs how long its request's last bytes came after the rest (see {@code
 *     FakeHttp.lastByteWaitMs})
 * @param scenario the answer the request met ({@code ok}, {@code drop_after_accept}, ...)
 * @param units images charged (an OpenAI request with {@code n > 1} is several)
 * @param requestedAt when the request arrived, epoch ms
 * @param answeredAt when its answer went out or was dropped, epoch ms; 0 while being made
 * @param claimedAt when the client showed it held the charge: its first BFL poll of the task, or
 *     the OpenAI answer written whole; 0 never
 * @param collected whether the client took the image: downloaded the BFL result, or was sent the
 *     whole OpenAI answer (a client killed meanwhile may not have read it)
 */
public record FakeCharge(
    String id,
    String clientRequestId,
    long lastByteWaitMs,
    String scenario,
    int units,
    long requestedAt,
    long answeredAt,
    long claimedAt,
    boolean collected) {

  FakeCharge answered(long at) {
    return answeredAt != 0
        ? this
        : new FakeCharge(
            id,
            clientRequestId,
            lastByteWaitMs,
            scenario,
            units,
            requestedAt,
            at,
            claimedAt,
            collected);
  }

  FakeCharge claimed(long at) {
    return claimedAt != 0
        ? this
        : new FakeCharge(
            id,
            clientRequestId,
            lastByteWaitMs,
            scenario,
            units,
            requestedAt,
            answeredAt,
            at,
            collected);
  }

  FakeCharge taken() {
    return new FakeCharge(
        id,
        clientRequestId,
        lastByteWaitMs,
        scenario,
        units,
        requestedAt,
        answeredAt,
        claimedAt,
        true);
  }
}
