package dev.facet.manifest;

import java.util.regex.Pattern;

/**
 * The rule for the names Facet builds workflow ids and object keys from ({@code shoot-<sku>},
 * {@code catalogs/<id>/…}, {@code <out>/<sku>/…}): short and path-safe. A name starts with a letter
 * or digit, which also rules out "." and "..".
 */
public enum Identifier {
  SKU("SKU"),
  CATALOG("catalog id");

  public static final String RULE =
      "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final String noun;

  Identifier(String noun) {
    this.noun = noun;
  }

  public boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /** Why {@code name} is not valid, in words. */
  public String describeInvalid(String name) {
    if (name == null || name.isEmpty()) {
      return "The " + noun + " is missing: use " + RULE + ".";
    }
    String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return "'" + shown + "' is not a valid " + noun + ": use " + RULE + ".";
  }
}
