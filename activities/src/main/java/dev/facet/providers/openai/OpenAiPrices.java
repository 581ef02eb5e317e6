package dev.facet.providers.openai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Estimated price of one image, from the table in {@code prices.csv} next to this class. */
public final class OpenAiPrices {

  private final Map<String, Double> usdByKey;

  private OpenAiPrices(Map<String, Double> usdByKey) {
    this.usdByKey = Map.copyOf(usdByKey);
  }

  public static OpenAiPrices load() {
    try (InputStream in = OpenAiPrices.class.getResourceAsStream("prices.csv")) {
      if (in == null) {
        throw new IllegalStateException("prices.csv is missing from the classpath");
      }
      Map<String, Double> table = new HashMap<>();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      lines
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("model,"))
          .forEach(
              line -> {
                String[] cells = line.split(",");
                table.put(key(cells[0], cells[1], cells[2]), Double.parseDouble(cells[3]));
              });
      return new OpenAiPrices(table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Double> perImage(String model, String size, String quality) {
    return Optional.ofNullable(usdByKey.get(key(model, size, quality)));
  }

  /**
   * The price these options cost per image: their override, else the table.
   *
   * @throws IllegalArgumentException when neither knows: an unpriced configuration would make every
   *     cost total and budget cap silently wrong
   */
  public double priceOf(OpenAiImageOptions options) {
    if (options.pricePerImageUsd() != null) {
      return options.pricePerImageUsd();
    }
    return perImage(options.model(), options.size(), options.quality())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No price for "
                        + options.model()
                        + " "
                        + options.size()
                        + " "
                        + options.quality()
                        + " in prices.csv: set pricePerImageUsd"));
  }

  private static String key(String model, String size, String quality) {
    return model + "|" + size + "|" + quality;
  }
}
