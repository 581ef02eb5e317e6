package dev.facet.imaging;

import dev.facet.json.FacetJson;
import java.io.IOException;
import java.util.Base64;

/**
 * What an {@link ProductAnalyzer analysis} found in an image, kept so a later step goes on from it
 * rather than finding it again: the product's coarse mask and the backdrop behind it, both on the
 * matte's working copy, and the product's measurements. Stored as one JSON document, the mask a
 * 1-bit PNG inside it (a few kB).
 */
public record ProductFinding(
    Mask mask, BackdropModel backdrop, ProductMeasurer.Measurements measurements) {

  /** What {@code analysis} found; it must have found a product. */
  public static ProductFinding of(ProductAnalyzer.Analysis analysis) {
    return new ProductFinding(
        analysis.mask(),
        analysis.backdrop(),
        analysis
            .measurements()
            .orElseThrow(() -> new IllegalArgumentException("no product was found to keep")));
  }

  public byte[] toJson() {
    try {
      return FacetJson.MAPPER.writeValueAsBytes(
          new Stored(
              mask.width(),
              mask.height(),
              Base64.getEncoder().encodeToString(ImageEncoder.png(mask)),
              backdrop.coefficients(),
              measurements));
    } catch (IOException e) {
      throw new IllegalStateException("a finding always serialises", e);
    }
  }

  public static ProductFinding fromJson(byte[] json) throws IOException {
    Stored stored = FacetJson.MAPPER.readValue(json, Stored.class);
    Mask mask = ImageDecoder.decodeMask(Base64.getDecoder().decode(stored.mask()));
    if (mask.width() != stored.width() || mask.height() != stored.height()) {
      throw new IOException("the finding's mask is not " + stored.width() + "x" + stored.height());
    }
    return new ProductFinding(
        mask,
        BackdropModel.of(stored.backdrop(), stored.width(), stored.height()),
        stored.measurements());
  }

  /** The JSON form: sizes of the working copy, the mask as base64 PNG, the backdrop's surface. */
  private record Stored(
      int width,
      int height,
      String mask,
      double[][] backdrop,
      ProductMeasurer.Measurements measurements) {}
}
