package dev.facet.providers.flux;

/**
 * One {@code get_result} answer.
 *
 * @param status as BFL spelled it
 * @param sampleUrl the signed result URL when ready (valid about ten minutes), else {@code null}
 */
public record FluxPoll(String status, String sampleUrl) {

  public FluxStatus kind() {
    return FluxStatus.of(status);
  }
}
