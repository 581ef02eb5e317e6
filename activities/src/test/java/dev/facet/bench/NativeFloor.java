package dev.facet.bench;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * B2's native floor: the least any {@code ./facet finish} must do without a matte, so the benchmark
 * can say, measured, whether Facet can come within 1.0× of {@code vipsthumbnail} at all while it
 * also mattes. Per photo, on a pool of a thread per core as {@code finish} has: OpenCV decodes the
 * JPEG, then per preset resizes it (INTER_AREA, in gamma space), sharpens it with a plain unsharp
 * mask of the preset's sigma and amount (Gaussian blur, addWeighted; no threshold or clamping) and
 * encodes it at the preset's quality, with no ICC profile or XMP. A JVM of its own, as Facet's row:
 * the same arguments as {@link FinishBenchmark.FinishMain}, {@code <presets> <out> <channel,...>
 * <photo>...}.
 */
public final class NativeFloor {

  private NativeFloor() {}

  public static void main(String[] args) throws Exception {
    ChannelPresets all = ChannelPresets.withUserFile(Path.of(args[0]));
    Path out = Path.of(args[1]);
    List<ChannelPreset> presets = Arrays.stream(args[2].split(",")).map(all::get).toList();
    List<Path> photos = Arrays.stream(args).skip(3).map(Path::of).toList();
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Path photo : photos) running.add(pool.submit(() -> finish(photo, presets, out)));
      for (Future<?> f : running) f.get();
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void finish(Path photo, List<ChannelPreset> presets, Path out) throws Exception {
    String stem = photo.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    try (PointerScope scope = new PointerScope()) {
      Mat image = imdecode(new Mat(new BytePointer(Files.readAllBytes(photo))), IMREAD_COLOR);
      if (image.empty()) throw new IllegalArgumentException("not decodable: " + photo);
      for (ChannelPreset preset : presets) {
        try (PointerScope each = new PointerScope()) {
          double scale =
              Math.min(
                  (double) preset.width() / image.cols(), (double) preset.height() / image.rows());
          Mat small = new Mat(), blur = new Mat(), sharp = new Mat();
          resize(
              image,
              small,
              new Size(
                  (int) Math.round(image.cols() * scale), (int) Math.round(image.rows() * scale)),
              0,
              0,
              INTER_AREA);
          GaussianBlur(small, blur, new Size(0, 0), preset.sharpenSigma());
          double amount = preset.sharpenAmount();
          addWeighted(small, 1 + amount, blur, -amount, 0, sharp);
          BytePointer jpeg = new BytePointer();
          int quality = Math.round(preset.quality() * 100);
          if (!imencode(".jpg", sharp, jpeg, new IntPointer(IMWRITE_JPEG_QUALITY, quality))) {
            throw new IllegalStateException("not encodable: " + photo);
          }
          byte[] bytes = new byte[(int) jpeg.limit()];
          jpeg.get(bytes);
          Files.write(out.resolve(stem + "-" + preset.name() + ".jpg"), bytes);
        }
      }
    }
    return null;
  }
}
