package dev.facet.testing;

import dev.facet.imaging.Plane;
import dev.facet.imaging.RgbImage;

/** A Gaussian blur of each channel, for making photos out of focus in tests. */
public final class Blur {

  private Blur() {}

  public static RgbImage gaussian(RgbImage image, double sigma) {
    int n = image.pixels().length, w = image.width();
    float[][] c = new float[3][n];
    for (int i = 0; i < n; i++) {
      int p = image.pixels()[i];
      c[0][i] = RgbImage.red(p);
      c[1][i] = RgbImage.green(p);
      c[2][i] = RgbImage.blue(p);
    }
    Plane[] b = new Plane[3];
    for (int k = 0; k < 3; k++) b[k] = new Plane(w, image.height(), c[k]).gaussian(sigma);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] =
          RgbImage.pack(
              Math.round(b[0].get(i % w, i / w)),
              Math.round(b[1].get(i % w, i / w)),
              Math.round(b[2].get(i % w, i / w)));
    }
    return new RgbImage(w, image.height(), out);
  }
}
