package dev.facet.cli;

import java.io.PrintStream;

/**
 * Where {@code run} writes, and whether it may redraw in place with ANSI escapes (a terminal) or
 * must append plain lines (a pipe, a file, CI).
 */
public record Terminal(PrintStream out, boolean interactive) {

  public static Terminal system() {
    String term = System.getenv("TERM");
    boolean interactive = System.console() != null && term != null && !term.equals("dumb");
    return new Terminal(System.out, interactive);
  }
}
