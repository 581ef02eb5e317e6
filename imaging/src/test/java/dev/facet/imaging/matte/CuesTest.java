package dev.facet.imaging.matte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facet.imaging.ColourScience;
import dev.facet.imaging.OpenCv;
import dev.facet.imaging.RgbImage;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

class CuesTest {

  @Test
  void theWorkingCopyMadeInStripsIsTheWholePhotoAreaAveraged() {
    for (int[] size : new int[][] {{3000, 3000}, {2400, 1800}, {1999, 1501}}) {
      RgbImage photo = noise(size[0], size[1]);
      RgbImage strips = Cues.workingCopy(photo, 1024);
      assertThat(strips.pixels()).isEqualTo(wholeAtOnce(photo, strips).pixels());
    }
  }

  private static RgbImage wholeAtOnce(RgbImage photo, RgbImage size) {
    try (PointerScope scope = new PointerScope()) {
      Mat small = new Mat();
      resize(
          OpenCv.linearRgb(photo), small, new Size(size.width(), size.height()), 0, 0, INTER_AREA);
      float[] v = OpenCv.floats(small);
      int[] px = new int[size.width() * size.height()];
      for (int i = 0; i < px.length; i++) {
        px[i] = ColourScience.packLinear(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
      }
      return new RgbImage(size.width(), size.height(), px);
    }
  }

  private static RgbImage noise(int width, int height) {
    Random random = new Random(width);
    int[] px = new int[width * height];
    for (int i = 0; i < px.length; i++) px[i] = random.nextInt(1 << 24);
    return new RgbImage(width, height, px);
  }
}
