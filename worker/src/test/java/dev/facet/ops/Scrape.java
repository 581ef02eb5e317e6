package dev.facet.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code /actuator/prometheus} answer (text format), summed over the series that match. */
final class Scrape {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");

  private final String text;

  Scrape(String text) {
    this.text = text == null ? "" : text;
  }

  /**
   * The sum of every sample of {@code metric} whose labels include the given name/value pairs; 0
   * when there is none.
   */
  double sum(String metric, String... labels) {
    double sum = 0;
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(metric)) {
        continue;
      }
      String labelSet = sample.group(3) == null ? "" : sample.group(3);
      boolean matches = true;
      for (int i = 0; i < labels.length; i += 2) {
        matches &= labelSet.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (matches) {
        sum += Double.parseDouble(sample.group(4));
      }
    }
    return sum;
  }
}
