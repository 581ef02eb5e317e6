package dev.facet.prompts;

import dev.facet.imaging.ColourScience;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Lab;
import dev.facet.model.ProductSpec;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.model.Stone;
import dev.facet.model.StyleGuide;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the prompt of each shot from what the seller said about the piece, the collection's style
 * guide and the reviewer's notes. Facts come from the inputs only; wording comes from the template.
 * The same inputs always give the same text.
 */
public final class PromptComposer {

  public static final String DEFAULT_TEMPLATE = "/prompts/shot.txt";

  static final Set<String> PLACEHOLDERS =
      Set.of(
          "product_type",
          "product_name",
          "metal",
          "stones",
          "stone_count",
          "setting",
          "engraving",
          "angle",
          "scale_percent",
          "backdrop",
          "reflection",
          "light_words",
          "light_kelvin",
          "corrections");

  private final PromptTemplate template;

  public PromptComposer(PromptTemplate template) {
    this.template = template;
  }

  public PromptComposer() {
    this(PromptTemplate.load(DEFAULT_TEMPLATE, PLACEHOLDERS));
  }

  public List<ShotPrompt> compose(
      ProductSpec product, StyleGuide style, List<ShotSpec> shots, String feedback) {
    return shots.stream()
        .map(
            shot ->
                new ShotPrompt(
                    shot.name(), template.render(values(product, style, shot, feedback))))
        .toList();
  }

  Map<String, String> values(
      ProductSpec product, StyleGuide style, ShotSpec shot, String feedback) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("product_type", product.type());
    v.put("product_name", product.name());
    v.put("metal", product.metal());
    v.put("stones", product.stones().isEmpty() ? "" : " set with " + stones(product.stones()));
    v.put("stone_count", stoneCount(product.stones()));
    v.put("setting", product.setting());
    v.put("engraving", product.engraving());
    v.put("angle", shot.angle());
    v.put("scale_percent", Long.toString(Math.round(style.productScale() * 100)));
    v.put("backdrop", backdrop(style.backdrop()));
    v.put("reflection", style.reflection() ? " and a faint reflection on the surface" : "");
    v.put("light_words", lightWords(style.lightKelvin()));
    v.put("light_kelvin", Integer.toString(style.lightKelvin()));
    v.put("corrections", corrections(feedback));
    return v;
  }

  /** "1 round brilliant colourless diamond and 14 round brilliant colourless diamonds". */
  static String stones(List<Stone> stones) {
    List<String> parts =
        stones.stream()
            .map(
                s ->
                    join(
                        Integer.toString(s.count()),
                        s.cut(),
                        s.colour(),
                        plural(s.type(), s.count())))
            .toList();
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  static String stoneCount(List<Stone> stones) {
    if (stones.isEmpty()) {
      return "no stones";
    }
    int total = stones.stream().mapToInt(Stone::count).sum();
    String each =
        stones.stream()
            .map(s -> s.count() + " " + plural(s.type(), s.count()))
            .collect(Collectors.joining(", "));
    return stones.size() == 1 ? each : total + " stones: " + each;
  }

  /**
   * The backdrop in words plus its hex, e.g. "pure white (#ffffff)", "light warm grey (#e2dbce)".
   */
  static String backdrop(String hex) {
    int rgb = RgbImage.parseHex(hex);
    String code = String.format(Locale.ROOT, "#%06x", rgb);
    if (rgb == 0xFFFFFF) {
      return "pure white (" + code + ")";
    }
    Lab lab = ColourScience.lab(rgb);
    String lightness = lab.l() > 85 ? "light" : lab.l() > 45 ? "mid" : "dark";
    double chroma = Math.hypot(lab.a(), lab.b());
    String hue;
    if (chroma < 3) {
      hue = "neutral grey";
    } else if (chroma < 12) {
      hue = lab.b() >= 0 ? "warm grey" : "cool grey";
    } else {
      hue = "tinted";
    }
    if (lab.l() > 95 && chroma < 3) {
      return "off-white (" + code + ")";
    }
    return lightness + " " + hue + " (" + code + ")";
  }

  static String lightWords(int kelvin) {
    if (kelvin < 3300) return "warm tungsten light";
    if (kelvin < 4500) return "warm white light";
    if (kelvin < 5800) return "neutral daylight";
    if (kelvin < 7500) return "cool daylight";
    return "cool, bluish light";
  }

  /** The reviewer's notes as a numbered list of corrections, one per line or sentence. */
  static String corrections(String feedback) {
    if (feedback == null || feedback.isBlank()) {
      return "";
    }
    List<String> notes =
        Arrays.stream(feedback.strip().split("\\R|(?<=[.!?;])\\s+"))
            .map(String::strip)
            .map(n -> n.replaceAll("^[-*•]\\s*", ""))
            .filter(n -> !n.isEmpty())
            .toList();
    StringBuilder out =
        new StringBuilder(
            "Corrections requested by the reviewer of the previous round (apply every one):");
    for (int i = 0; i < notes.size(); i++) {
      out.append("\n").append(i + 1).append(". ").append(notes.get(i));
    }
    return out.toString();
  }

  private static String plural(String noun, int count) {
    if (count == 1 || noun.endsWith("s")) return noun;
    if (noun.endsWith("y") && !noun.endsWith("ey"))
      return noun.substring(0, noun.length() - 1) + "ies";
    return noun + "s";
  }

  private static String join(String... words) {
    return Arrays.stream(words)
        .filter(w -> w != null && !w.isBlank())
        .collect(Collectors.joining(" "));
  }
}
