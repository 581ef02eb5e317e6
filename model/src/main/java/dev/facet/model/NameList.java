package dev.facet.model;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Facet's one rule for names typed as a list ({@code --channels etsy,amazon}, a routing rule {@code
 * "openai, flux"}, a CSV cell {@code etsy;amazon}): spaces around a name do not count, and neither
 * do empty entries (a doubled or trailing separator). A list that names nothing is the caller's to
 * refuse, in the words of its option or column.
 *
 * <p>Lenient rather than strict because routing rules are read by workflow code: a rule that a
 * recorded shoot accepted must read the same on replay.
 */
public final class NameList {

  private static final Pattern COMMAS = Pattern.compile(",");
  private static final Pattern CELL_SEPARATORS = Pattern.compile("[;,]");

  private NameList() {}

  /** Names separated by commas; empty for null or blank text. */
  public static List<String> commas(String text) {
    return split(text, COMMAS);
  }

  /** A CSV cell's names: separated by {@code ;} like its photos and stones, or by {@code ,}. */
  public static List<String> cell(String text) {
    return split(text, CELL_SEPARATORS);
  }

  /** Names given one by one (a JSON array), under the same rule. */
  public static List<String> of(List<String> names) {
    return clean(names.stream());
  }

  private static List<String> split(String text, Pattern separators) {
    return text == null ? List.of() : clean(separators.splitAsStream(text));
  }

  private static List<String> clean(Stream<String> names) {
    return names.map(String::trim).filter(name -> !name.isEmpty()).toList();
  }
}
