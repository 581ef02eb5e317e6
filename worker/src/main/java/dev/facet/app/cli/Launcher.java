package dev.facet.app.cli;

import dev.facet.app.run.CatalogFile;
import dev.facet.app.run.RunOptions;
import java.util.List;

/**
 * Starts Facet's Spring application for the commands that need it; the application class supplies
 * it, so the command line knows nothing of how Spring is started.
 */
public interface Launcher {

  /** The HTTP API and the worker, until stopped. */
  void serve(List<String> springProperties);

  /** The worker alone, until stopped. */
  void worker(List<String> springProperties);

  /** Shoots the catalog on the embedded stack; returns the exit code. */
  int run(CatalogFile catalog, RunOptions options, List<String> springProperties);
}
