package dev.facet.finish;

import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.Finding;
import dev.facet.imaging.PhotoCheck;
import dev.facet.imaging.PhotoValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * {@code finish}: a seller's own photos finished to channel presets without a shoot, by the same
 * matte, clean-up, staging, resize, sharpening, encoding and metadata as a shoot's post-process
 * step. Each photo is decoded and cut out once for all its channels; a photo that cannot be used is
 * reported and the others are still finished. Exit codes: 0 every photo finished, 1 some could not
 * be, 2 unusable arguments.
 */
public final class FinishCommand {

  public static final int FINISHED = 0, SOME_FAILED = 1, UNUSABLE = 2;

  /** The photo is the seller's own, cut out and staged on a computed background. */
  static final DigitalSourceType SOURCE = DigitalSourceType.COMPOSITE_SYNTHETIC;

  private final PrintStream out;
  private final PrintStream err;
  private final PhotoValidator validator = new PhotoValidator();
  private final ChannelFinisher finisher = new ChannelFinisher();

  public FinishCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** One finished file, or why a photo could not be finished. */
  record Outcome(Path photo, List<Written> written, String problem) {}

  record Written(String channel, int width, int height, Path file) {}

  /** Runs the command; returns the exit code. */
  public int run(FinishArguments arguments) {
    List<ChannelPreset> presets;
    try {
      ChannelPresets all =
          arguments.presets() == null
              ? ChannelPresets.builtIn()
              : ChannelPresets.withUserFile(arguments.presets());
      presets = arguments.channels().stream().map(all::get).toList();
      Files.createDirectories(arguments.out());
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      err.println("finish: " + e.getMessage());
      return UNUSABLE;
    }
    List<Outcome> outcomes = finishAll(arguments, presets);
    print(outcomes);
    return outcomes.stream().allMatch(o -> o.problem() == null) ? FINISHED : SOME_FAILED;
  }

  /**
   * A photo per core at a time, as far as their working sets fit the working memory: the matte is
   * the costly part, and each photo holds its own memory.
   */
  private List<Outcome> finishAll(FinishArguments arguments, List<ChannelPreset> presets) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            WorkingSets.parallelism(
                arguments.photos(),
                Runtime.getRuntime().availableProcessors(),
                WorkingSets.budget()));
    try {
      List<Future<Outcome>> running = new ArrayList<>();
      for (Path photo : arguments.photos()) {
        running.add(pool.submit(() -> finishOne(photo, presets, arguments.out())));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : running) outcomes.add(f.get());
      return outcomes;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome finishOne(Path photo, List<ChannelPreset> presets, Path folder) {
    try {
      ChannelFinisher.Prepared prepared = prepare(Files.readAllBytes(photo));
      List<Written> written = new ArrayList<>();
      for (ChannelPreset preset : presets) {
        ChannelFinisher.Finished finished = prepared.finish(preset, SOURCE);
        Path file = folder.resolve(stem(photo) + "-" + preset.name() + "." + preset.extension());
        Files.write(file, finished.bytes());
        written.add(
            new Written(preset.name(), finished.image().width(), finished.image().height(), file));
      }
      return new Outcome(photo, written, null);
    } catch (NoSuchFileException e) {
      return failed(photo, "no such file");
    } catch (IOException e) {
      return failed(photo, "cannot be read or written (" + e + ")");
    } catch (IllegalArgumentException e) {
      return failed(photo, e.getMessage());
    } catch (OutOfMemoryError e) {
      // What this photo allocated is garbage once it is reported; the other photos go on.
      return failed(
          photo,
          "not enough memory for it beside the photos finished with it"
              + " (give Java more, e.g. FACET_JAVA_OPTS=-Xmx2g)");
    }
  }

  /**
   * The photo's cut-out, which is all its channels need: the decoded photo is not held while they
   * are staged.
   */
  private ChannelFinisher.Prepared prepare(byte[] bytes) {
    PhotoCheck check = validator.validate(bytes);
    if (!check.accepted()) {
      throw new IllegalArgumentException(
          check.errors().stream().map(Finding::message).collect(Collectors.joining("; ")));
    }
    // The photo is its own reference: its metal tone is kept as it is.
    return finisher.prepare(check.image(), null);
  }

  private static Outcome failed(Path photo, String problem) {
    return new Outcome(photo, List.of(), problem);
  }

  private static String stem(Path photo) {
    String name = photo.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private void print(List<Outcome> outcomes) {
    int width = outcomes.stream().mapToInt(o -> o.photo().toString().length()).max().orElse(5);
    String row = "%-" + width + "s  %-16s  %-9s  %s%n";
    out.printf(row, "photo", "channel", "size", "file");
    for (Outcome o : outcomes) {
      for (Written w : o.written()) {
        out.printf(row, o.photo(), w.channel(), w.width() + "x" + w.height(), w.file());
      }
      if (o.problem() != null) {
        out.printf(row, o.photo(), "-", "-", "NOT FINISHED: " + o.problem());
      }
    }
    long failed = outcomes.stream().filter(o -> o.problem() != null).count();
    out.printf(
        "%d of %d photos finished%s%n",
        outcomes.size() - failed,
        outcomes.size(),
        failed == 0 ? "" : "; " + failed + " could not be (see above)");
  }
}
