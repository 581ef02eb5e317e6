package dev.facet.imaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bars of the automated QA. They are configuration, not code: the built-in {@code
 * qa-thresholds.json} holds each value with the calibration that chose it, and a user file may set
 * any of them by name.
 *
 * @param metalToneMax {@link MetalTone} ΔE2000 against the signature
 * @param stoneToneMax the same measure for the stones' median colour
 * @param silhouetteMin {@link Silhouette} agreement with the closest reference
 * @param detailMax {@link DetailMap#difference} against the closest reference
 * @param sharpnessRatioMin product sharpness over the references' median
 * @param borderPurityMin share of exactly-background pixels in the 1 % border band
 * @param backgroundPurityMin share of exactly-background pixels away from product and shadow
 * @param textMax {@link TextDetector#strokesPerMille} of the background
 * @param blockinessMax {@link Blockiness#of} the decoded file
 */
public record QaThresholds(
    double metalToneMax,
    double stoneToneMax,
    double silhouetteMin,
    double detailMax,
    double sharpnessRatioMin,
    double borderPurityMin,
    double backgroundPurityMin,
    double textMax,
    double blockinessMax) {

  static final String RESOURCE = "/dev/facet/imaging/qa-thresholds.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The built-in thresholds. */
  public static QaThresholds defaults() {
    try (InputStream in = QaThresholds.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in " + RESOURCE + " is missing from the classpath");
      }
      return from(JSON.readTree(in), null, "built-in qa-thresholds.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in thresholds with those {@code userFile} sets; an unknown name is an error. */
  public static QaThresholds withUserFile(Path userFile) {
    JsonNode user;
    try {
      user = JSON.readTree(userFile.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("QA thresholds " + userFile + ": " + e.getMessage(), e);
    }
    return from(user, defaults(), "QA thresholds " + userFile);
  }

  public static QaThresholds of(Optional<Path> userFile) {
    return userFile.map(QaThresholds::withUserFile).orElseGet(QaThresholds::defaults);
  }

  /** Reads each component by name, as a number or {@code {"value": n}}; missing ones from {@code base}. */
  private static QaThresholds from(JsonNode document, QaThresholds base, String source) {
    RecordComponent[] components = QaThresholds.class.getRecordComponents();
    List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
    if (document == null || !document.isObject()) {
      throw new IllegalArgumentException(source + ": must be a JSON object of " + names);
    }
    document.fieldNames().forEachRemaining(name -> {
      if (!name.equals("about") && !names.contains(name)) {
        throw new IllegalArgumentException(source + ": unknown threshold \"" + name + "\"; known: " + names);
      }
    });
    Object[] values = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        JsonNode node = document.get(names.get(i));
        JsonNode value = node != null && node.isObject() ? node.get("value") : node;
        if (value == null && base != null) {
          values[i] = components[i].getAccessor().invoke(base);
        } else if (value == null || !value.isNumber()) {
          throw new IllegalArgumentException(source + ": " + names.get(i) + " must be a number");
        } else {
          values[i] = value.doubleValue();
        }
      }
      Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      return QaThresholds.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
