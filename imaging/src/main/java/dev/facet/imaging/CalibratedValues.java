package dev.facet.imaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.json.FacetJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a record of numbers from JSON in which every value may carry the calibration that chose it:
 * {@code "name": 3.0} or {@code "name": {"value": 3.0, "calibration": "why 3"}}. Built-in files
 * must set every component; a user's file sets any of them by name, over the built-in values. An
 * unknown name is an error, so a typo never silently keeps the default.
 */
public final class CalibratedValues {

  private CalibratedValues() {}

  public static <R extends Record> R builtIn(Class<R> type, String resource) {
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in " + resource + " is missing from the classpath");
      }
      return read(type, FacetJson.MAPPER.readTree(in), null, "built-in " + resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <R extends Record> R withUserFile(Class<R> type, Path userFile, R base) {
    JsonNode user;
    try {
      user = FacetJson.MAPPER.readTree(userFile.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(userFile + ": " + e.getMessage(), e);
    }
    return read(type, user, base, userFile.toString());
  }

  private static <R extends Record> R read(
      Class<R> type, JsonNode document, R base, String source) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
    if (document == null || !document.isObject()) {
      throw new IllegalArgumentException(source + ": must be a JSON object of " + names);
    }
    document
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("about") && !names.contains(name)) {
                throw new IllegalArgumentException(
                    source + ": unknown setting \"" + name + "\"; known: " + names);
              }
            });
    Object[] values = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        JsonNode node = document.get(names.get(i));
        JsonNode value = node != null && node.isObject() ? node.get("value") : node;
        Class<?> kind = components[i].getType();
        if (value == null && base != null) {
          values[i] = components[i].getAccessor().invoke(base);
        } else if (value == null
            || !value.isNumber()
            || (kind == int.class && !value.canConvertToExactIntegral())) {
          throw new IllegalArgumentException(
              source
                  + ": "
                  + names.get(i)
                  + " must be "
                  + (kind == int.class ? "a whole number" : "a number"));
        } else {
          values[i] = kind == int.class ? (Object) value.intValue() : (Object) value.doubleValue();
        }
      }
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
