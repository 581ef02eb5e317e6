package dev.facet.temporal;

import java.net.URI;
import java.util.Optional;

/** A local server that already answered when Facet started, e.g. a dev server in a terminal. */
record RunningServer(String target, URI ui) implements TemporalEndpoint {

  @Override
  public Optional<URI> webUi() {
    return Optional.ofNullable(ui);
  }

  @Override
  public boolean durable() {
    // Unknown: a dev server without --db-filename is not. Facet does not own it either way.
    return true;
  }

  @Override
  public String description() {
    return "the Temporal server already running at " + target;
  }
}
