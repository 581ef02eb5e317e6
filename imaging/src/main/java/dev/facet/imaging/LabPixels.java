package dev.facet.imaging;

/** A {@link ProductView}'s pixels in CIE L*a*b*, for the colour reasoning of the stone checks. */
record LabPixels(float[] l, float[] a, float[] b) {

  static LabPixels of(ProductView view) {
    int n = view.rgb().length;
    float[] l = new float[n], a = new float[n], b = new float[n];
    double[] lab = new double[3];
    for (int i = 0; i < n; i++) {
      int p = view.rgb()[i];
      ColourScience.linearToLabFast(
          ColourScience.linear(RgbImage.red(p)),
          ColourScience.linear(RgbImage.green(p)),
          ColourScience.linear(RgbImage.blue(p)),
          lab);
      l[i] = (float) lab[0];
      a[i] = (float) lab[1];
      b[i] = (float) lab[2];
    }
    return new LabPixels(l, a, b);
  }

  double chroma(int i) {
    return Math.hypot(a[i], b[i]);
  }

  /** Hue angle in degrees, 0 (red, +a*) to 360. */
  double hue(int i) {
    double h = Math.toDegrees(Math.atan2(b[i], a[i]));
    return h < 0 ? h + 360 : h;
  }
}
