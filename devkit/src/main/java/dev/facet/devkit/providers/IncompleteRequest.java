package dev.facet.devkit.providers;

/**
 * A request whose connection closed before its body was whole, e.g. its client died while sending
 * it. A provider acts on complete requests only, so it charged nothing; a client that had put the
 * request on record first holds a maybe-billed line the provider never billed, which {@code
 * clientRequestId} names.
 *
 * @param clientRequestId its {@code X-Client-Request-Id}; null without one
 * @param route method and path, {@code POST /v1/flux-kontext-pro}
 * @param receivedBytes the body's bytes that arrived
 * @param declaredBytes its {@code Content-Length}; -1 without one
 * @param arrivedAt when its headers arrived, epoch ms
 * @param lastReadAt when the last of {@code receivedBytes} arrived, epoch ms
 * @param brokenAt when its connection closed, epoch ms
 */
public record IncompleteRequest(
    String clientRequestId,
    String route,
    long receivedBytes,
    long declaredBytes,
    long arrivedAt,
    long lastReadAt,
    long brokenAt) {}
