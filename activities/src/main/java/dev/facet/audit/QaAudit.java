package dev.facet.audit;

import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.PhotoCheck;
import dev.facet.imaging.PhotoValidator;
import dev.facet.imaging.QaThresholds;
import dev.facet.imaging.QualityInspector;
import dev.facet.imaging.ReferenceSet;
import dev.facet.imaging.RgbImage;
import dev.facet.json.FacetJson;
import dev.facet.model.QaCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code qa}: runs Facet's automated QA on any JPEG, PNG or WebP against the seller's reference
 * photos, outside a shoot. Prints every check (value, threshold, verdict, detail) as a table or as
 * JSON. Exit codes: 0 when no blocking check failed, 1 when one did, 2 for unusable input.
 */
public final class QaAudit {

  public static final int PASSED = 0, FAILED = 1, UNUSABLE = 2;

  private final PrintStream out;
  private final PrintStream err;

  public QaAudit(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the audit; returns the exit code. */
  public int run(AuditArguments arguments) {
    try {
      ChannelPresets presets =
          arguments.presets() == null
              ? ChannelPresets.builtIn()
              : ChannelPresets.withUserFile(arguments.presets());
      ChannelPreset preset = presets.get(arguments.channel());
      RgbImage candidate = readCandidate(arguments.candidate());
      ReferenceSet references = ReferenceSet.of(readReferences(arguments.references()));
      List<QaCheck> checks =
          new QualityInspector(QaThresholds.defaults())
              .inspect(candidate, references.expectations(preset));
      boolean passed = checks.stream().allMatch(c -> c.passed() || !c.blocking());
      if (arguments.json()) {
        out.println(json(arguments, passed, checks));
      } else {
        out.print(QaTable.render(checks));
        out.println(verdict(arguments, passed, checks));
      }
      return passed ? PASSED : FAILED;
      // IllegalArgumentException: unknown channel, a broken presets file, a reference without
      // product.
    } catch (UnusableInput | IllegalArgumentException e) {
      err.println("qa: " + e.getMessage());
      return UNUSABLE;
    }
  }

  /** Input the audit cannot work with, in words the user can act on. */
  static final class UnusableInput extends RuntimeException {
    UnusableInput(String message) {
      super(message);
    }
  }

  /** References go through the same validation as a shoot's uploads. */
  private static List<RgbImage> readReferences(List<Path> files) {
    PhotoValidator validator = new PhotoValidator();
    List<RgbImage> photos = new ArrayList<>();
    for (Path file : files) {
      PhotoCheck check = validator.validate(read(file));
      if (!check.accepted()) {
        throw new UnusableInput(
            "reference "
                + file
                + " is not usable: "
                + check.errors().stream().map(f -> f.message()).collect(Collectors.joining("; ")));
      }
      photos.add(check.image());
    }
    return photos;
  }

  /** The candidate only needs to be a readable image: judging it is the audit's job. */
  private static RgbImage readCandidate(Path file) {
    try {
      return ImageDecoder.decodeUpright(read(file));
    } catch (IOException e) {
      throw new UnusableInput("candidate " + file + " cannot be decoded: " + e.getMessage());
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnusableInput(
          "cannot read "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")");
    }
  }

  private static String verdict(AuditArguments a, boolean passed, List<QaCheck> checks) {
    List<String> blocking =
        checks.stream().filter(c -> !c.passed() && c.blocking()).map(QaCheck::name).toList();
    List<String> warnings =
        checks.stream().filter(c -> !c.passed() && !c.blocking()).map(QaCheck::name).toList();
    String result =
        passed
            ? "PASSED for " + a.channel()
            : "FAILED for " + a.channel() + ": " + String.join(", ", blocking);
    return warnings.isEmpty()
        ? result
        : result + " (warnings: " + String.join(", ", warnings) + ")";
  }

  private static String json(AuditArguments a, boolean passed, List<QaCheck> checks) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("candidate", a.candidate().toString());
    report.put("references", a.references().stream().map(Path::toString).toList());
    report.put("channel", a.channel());
    report.put("passed", passed);
    report.put("checks", checks);
    try {
      return FacetJson.PRETTY.writeValueAsString(report);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
