package dev.facet.devkit.providers;

import java.util.ArrayList;
import java.util.List;

/** The requests a fake provider saw cut short, in order (see {@link IncompleteRequest}). */
final class IncompleteRequests {

  private final List<IncompleteRequest> requests = new ArrayList<>();

  synchronized void add(IncompleteRequest request) {
    requests.add(request);
  }

  synchronized List<IncompleteRequest> all() {
    return List.copyOf(requests);
  }

  synchronized void clear() {
    requests.clear();
  }
}
