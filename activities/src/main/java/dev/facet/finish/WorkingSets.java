package dev.facet.finish;

import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * How many photos may be finished at once: as many as cores, while the working sets of the largest
 * of them fit a share of the heap. A thread per photo in flight, not per core, because each thread
 * that ever ran a photo keeps native memory of its own (malloc's per-thread arenas): 8 threads
 * admitting 2 photos at a time peaked at 1.79 GB RSS on a 512 MB heap, 2 threads at 1.07 GB.
 */
final class WorkingSets {

  /**
   * Heap a photo holds at its peak, per pixel of it (decoded photo, matte, cut-out, staged
   * picture): measured on bench/finish's 3000² inputs one at a time, 224 MB of heap was the least
   * that finished all eight (2026-12-05).
   */
  static final long BYTES_PER_PIXEL = 24;

  /**
   * What the photos in flight may hold at their peaks, unless {@code -Dfacet.finish.memory-mb} says
   * otherwise: two 3000 px photos (216 MB each), which keeps eight cores' finish under 1 GiB of RSS
   * (bench/finish, 2026-12-05). A photo larger than this is finished alone, in as much heap as the
   * JVM has.
   */
  static final long DEFAULT_MEGABYTES = 480;

  /**
   * The share of the heap photos in flight may hold at their peaks: they rarely peak at once, and
   * the rest is room for garbage not yet collected.
   */
  private static final double HEAP_SHARE = 0.9;

  private WorkingSets() {}

  /** Bytes the photos in flight may hold: the working memory, within the heap. */
  static long budget() {
    long megabytes = Long.getLong("facet.finish.memory-mb", DEFAULT_MEGABYTES);
    return Math.min(megabytes << 20, (long) (HEAP_SHARE * Runtime.getRuntime().maxMemory()));
  }

  /** Photos to finish at once, at least one, with {@code budget} bytes of heap for them. */
  static int parallelism(List<Path> photos, int cores, long budget) {
    List<Long> largestFirst =
        photos.stream().map(WorkingSets::estimate).sorted(Comparator.reverseOrder()).toList();
    int n = 0;
    for (long sum = 0; n < Math.min(cores, largestFirst.size()); n++) {
      sum += largestFirst.get(n);
      if (sum > budget) break;
    }
    return Math.max(1, n);
  }

  /** The peak heap a photo's finish holds, from its header; 0 for what cannot be read. */
  static long estimate(Path photo) {
    try {
      byte[] bytes = Files.readAllBytes(photo);
      ImageFormat format = ImageFormat.sniff(bytes).filter(ImageFormat::supported).orElse(null);
      return format == null
          ? 0
          : BYTES_PER_PIXEL * ImageDecoder.readDimensions(bytes, format).pixels();
    } catch (IOException e) {
      return 0; // the finish says what is wrong with it
    }
  }
}
