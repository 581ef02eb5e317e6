package dev.facet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.Mask;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Lab;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The jewelry fixtures (rendered captures with ground truth, studio ideals, broken inputs) copied
 * from the shared fixture set into {@code imaging/src/test/resources/fixtures}; the imaging tests
 * jar carries them to the other modules' tests.
 */
public final class Fixtures {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode manifest;

  private Fixtures() {}

  /** P01_capture_1 … P06_capture_3. */
  public static List<String> captures() {
    return IntStream.rangeClosed(1, 6)
        .boxed()
        .flatMap(p -> Stream.of(1, 2, 3).map(c -> "P0" + p + "_capture_" + c))
        .toList();
  }

  public static List<String> firstCaptures() {
    return IntStream.rangeClosed(1, 6).mapToObj(p -> "P0" + p + "_capture_1").toList();
  }

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A capture or studio photo by name, e.g. "P01_capture_1". */
  public static RgbImage photo(String name) {
    try {
      return ImageDecoder.decode(bytes(name + ".jpg"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ground-truth product mask (metal or stone) of a capture. */
  public static Mask groundTruthMask(String name) {
    try {
      return ImageDecoder.decodeMask(bytes("masks/" + name + ".png"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode file(String fileName) {
    for (JsonNode f : manifest().get("files")) {
      if (f.get("file").asText().equals(fileName)) {
        return f;
      }
    }
    throw new IllegalArgumentException("not in the manifest: " + fileName);
  }

  /** measured.colours.metal.median_lab of a photo. */
  public static Lab measuredMetal(String name) {
    JsonNode lab = file(name + ".jpg").at("/measured/colours/metal/median_lab");
    return new Lab(lab.get(0).asDouble(), lab.get(1).asDouble(), lab.get(2).asDouble());
  }

  public static synchronized JsonNode manifest() {
    if (manifest == null) {
      try {
        manifest = JSON.readTree(bytes("manifest.json"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return manifest;
  }
}
