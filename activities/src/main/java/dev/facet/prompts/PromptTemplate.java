package dev.facet.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {placeholders}}. Every placeholder is checked against the names the composer
 * knows when the template is loaded, so a typo fails at start-up, not in the middle of a shoot.
 * Rendering leaves out a line whose placeholders all come out empty ("Setting: ." for a piece
 * without one), and lines starting with {@code #}.
 */
public final class PromptTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final String name;
  private final List<String> lines;

  private PromptTemplate(String name, List<String> lines) {
    this.name = name;
    this.lines = lines;
  }

  /** Reads a classpath resource and checks its placeholders against {@code known}. */
  public static PromptTemplate load(String resource, Set<String> known) {
    try (InputStream in = PromptTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No prompt template on the classpath at " + resource);
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), known);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read prompt template " + resource, e);
    }
  }

  public static PromptTemplate parse(String name, String text, Set<String> known) {
    List<String> lines = new ArrayList<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (String line : text.split("\\R")) {
      if (line.startsWith("#")) {
        continue;
      }
      lines.add(line);
      Matcher m = PLACEHOLDER.matcher(line);
      while (m.find()) {
        if (!known.contains(m.group(1))) {
          unknown.add(m.group(1));
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "Prompt template "
              + name
              + " uses unknown placeholder(s) "
              + unknown.stream().map(u -> "{" + u + "}").toList()
              + "; known: "
              + known.stream().sorted().map(k -> "{" + k + "}").toList());
    }
    return new PromptTemplate(name, List.copyOf(lines));
  }

  public String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      Matcher m = PLACEHOLDER.matcher(line);
      StringBuilder rendered = new StringBuilder();
      boolean hasPlaceholder = false, anyFilled = false;
      while (m.find()) {
        hasPlaceholder = true;
        String value = values.getOrDefault(m.group(1), "");
        anyFilled |= !value.isEmpty();
        m.appendReplacement(rendered, Matcher.quoteReplacement(value));
      }
      m.appendTail(rendered);
      if (hasPlaceholder && !anyFilled) {
        continue;
      }
      String text = rendered.toString().strip();
      if (!text.isEmpty()) {
        out.append(text).append('\n');
      }
    }
    return out.toString().strip();
  }

  @Override
  public String toString() {
    return "PromptTemplate[" + name + "]";
  }
}
