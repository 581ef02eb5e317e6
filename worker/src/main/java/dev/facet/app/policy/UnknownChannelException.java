package dev.facet.app.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Channel names that mean no preset; the message lists the channels there are. */
public final class UnknownChannelException extends IllegalArgumentException {

  public UnknownChannelException(List<String> names, String known) {
    super(
        (names.size() == 1 ? "unknown channel " : "unknown channels ")
            + names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
            + "; the channels are "
            + known);
  }
}
