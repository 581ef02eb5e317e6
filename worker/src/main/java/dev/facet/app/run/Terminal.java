package dev.facet.app.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Where {@code run} writes, and whether it may redraw in place with ANSI escapes (a terminal) or
 * must append plain lines (a pipe, a file, CI); on a terminal it may also ask the user.
 */
public record Terminal(PrintStream out, boolean interactive, BufferedReader in) {

  /** A terminal nobody answers on. */
  public Terminal(PrintStream out, boolean interactive) {
    this(out, interactive, new BufferedReader(Reader.nullReader()));
  }

  public static Terminal system() {
    String term = System.getenv("TERM");
    boolean interactive = System.console() != null && term != null && !term.equals("dumb");
    return new Terminal(
        System.out,
        interactive,
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
  }

  /** A terminal whose user answers {@code answers}, one per line; for tests. */
  static Terminal answering(PrintStream out, String answers) {
    return new Terminal(out, true, new BufferedReader(new StringReader(answers)));
  }

  /** Asks a yes/no question; anything but yes (or no answer at all) is no. */
  public boolean confirm(String question) {
    out.print(question + " [y/N] ");
    out.flush();
    try {
      String answer = in.readLine();
      return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
