package dev.facet.providers;

import java.util.UUID;

/**
 * A paid request about to leave: the id it carries in {@link #HEADER}, and what must be on record
 * before its last byte goes out. The id is Facet's own, known before the provider answers, so the
 * ledger line of a request whose answer never came still names it. Neither provider documents the
 * header, nor bills or dedupes by it (docs/providers.md A.6, B.9: no idempotency key, no lookup of
 * a lost request): a real provider ignores it, and a test's fake provider notes it on each charge
 * and on each request whose connection closed before its body was whole.
 *
 * @param id a fresh UUID per request, never reused by a retry
 * @param beforeLastByte e.g. putting the request on record as in flight; what it throws ends the
 *     call with the request incomplete
 */
public record ClientRequest(String id, Runnable beforeLastByte) {

  /** Sent with every paid request. */
  public static final String HEADER = "X-Client-Request-Id";

  /** A request with a fresh id that nothing needs to record first. */
  public static ClientRequest unrecorded() {
    return new ClientRequest(UUID.randomUUID().toString(), () -> {});
  }
}
