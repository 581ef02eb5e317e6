package dev.facet.client;

import java.util.regex.Pattern;

/**
 * The rule for SKUs. A SKU names a workflow ({@code shoot-<sku>}) and a folder of finished images,
 * so it must be short and path-safe: it starts with a letter or digit, which also rules out "." and
 * "..".
 */
public final class Sku {

  public static final String RULE =
      "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Sku() {}

  public static boolean isValid(String sku) {
    return sku != null && VALID.matcher(sku).matches();
  }

  /**
   * @throws InvalidShootRequestException naming the rule
   */
  public static String requireValid(String sku) {
    if (!isValid(sku)) {
      throw new InvalidShootRequestException(describeInvalid(sku));
    }
    return sku;
  }

  /** Why {@code sku} is not valid, in words. */
  public static String describeInvalid(String sku) {
    if (sku == null || sku.isEmpty()) {
      return "The SKU is missing: use " + RULE + ".";
    }
    String shown = sku.length() > 80 ? sku.substring(0, 80) + "…" : sku;
    return "'" + shown + "' is not a valid SKU: use " + RULE + ".";
  }
}
