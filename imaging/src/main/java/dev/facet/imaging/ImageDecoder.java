package dev.facet.imaging;

import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Box;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads JPEG, PNG and WebP into 8-bit sRGB {@link RgbImage}s: CMYK and ICC-tagged JPEGs are colour
 * converted (TwelveMonkeys), 16-bit PNGs are scaled down, transparency is composited onto white.
 * Header-only reads let callers refuse decompression bombs before any pixel is decoded.
 */
public final class ImageDecoder {

  static {
    // ImageIO registers plugins once, from the class loader that first touches it; in a Spring
    // Boot jar that may not see the TwelveMonkeys readers, so look again from ours.
    ImageIO.scanForPlugins();
  }

  private ImageDecoder() {}

  /** Pixel size declared by the file's header. Decodes nothing. */
  public record Dimensions(int width, int height) {
    public long pixels() {
      return (long) width * height;
    }
  }

  public static Dimensions readDimensions(byte[] bytes, ImageFormat format) throws IOException {
    return withReader(bytes, format, r -> new Dimensions(r.getWidth(0), r.getHeight(0)));
  }

  /**
   * What is missing from the end of the file, if the format's end marker is absent: a truncated
   * upload decodes to a half-grey picture without any error from the decoders, so this is checked
   * explicitly.
   */
  public static Optional<String> findTruncation(byte[] b, ImageFormat format) {
    return switch (format) {
      case JPEG -> jpegHasEndOfImage(b) ? Optional.empty() : Optional.of("no EOI marker");
      case PNG -> pngHasEnd(b) ? Optional.empty() : Optional.of("no IEND chunk");
      case WEBP ->
          webpComplete(b) ? Optional.empty() : Optional.of("shorter than its RIFF header says");
      default -> Optional.empty();
    };
  }

  /** Decodes a supported format to 8-bit sRGB, as stored (EXIF orientation not applied). */
  public static RgbImage decode(byte[] bytes, ImageFormat format) throws IOException {
    return withReader(bytes, format, r -> toRgb(r.read(0)));
  }

  /** Decodes an image whose format is sniffed from its bytes, e.g. a stored candidate. */
  public static RgbImage decode(byte[] bytes) throws IOException {
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .filter(ImageFormat::supported)
            .orElseThrow(() -> new IOException("not a JPEG, PNG or WebP image"));
    return decode(bytes, format);
  }

  /**
   * Decodes an image whose format is sniffed from its bytes and turns it upright as its EXIF
   * orientation says (JPEG, PNG and WebP all may carry one).
   */
  public static RgbImage decodeUpright(byte[] bytes) throws IOException {
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .filter(ImageFormat::supported)
            .orElseThrow(() -> new IOException("not a " + ImageFormat.supportedNames() + " image"));
    return Orientation.of(bytes, format).apply(decode(bytes, format));
  }

  /**
   * Reads a stored product mask: the alpha of a {@link #decodeMatte cut-out}, or any non-black
   * pixel of an opaque mask (also the fixtures' red/green masks).
   */
  public static Mask decodeMask(byte[] png) throws IOException {
    BufferedImage image = withReader(png, ImageFormat.PNG, r -> r.read(0));
    int w = image.getWidth(), h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    boolean alpha = image.getColorModel().hasAlpha();
    boolean[] bits = new boolean[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      bits[i] =
          alpha
              ? (p >>> 24) >= 128
              : RgbImage.red(p) > 127 || RgbImage.green(p) > 127 || RgbImage.blue(p) > 127;
    }
    return new Mask(w, h, bits);
  }

  /**
   * Reads a cut-out stored by {@link ImageEncoder#png(ProductMatte)}: the product's own sRGB colour
   * and its alpha, back into a matte over {@code backdrop}.
   */
  public static ProductMatte decodeMatte(byte[] png, BackdropModel backdrop) throws IOException {
    BufferedImage image = withReader(png, ImageFormat.PNG, r -> r.read(0));
    int w = image.getWidth(), h = image.getHeight();
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    boolean hasAlpha = image.getColorModel().hasAlpha();
    byte[] alpha = new byte[argb.length];
    int[] foreground = new int[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      alpha[i] = (byte) (hasAlpha ? p >>> 24 : RgbImage.red(p) > 127 ? 255 : 0);
      if (hasAlpha) foreground[i] = p & 0xFFFFFF;
    }
    return new ProductMatte(w, h, alpha, foreground, backdrop.at(w, h));
  }

  /**
   * Reads a product view stored by {@link ImageEncoder#png(ProductView)} of the product whose
   * bounding box in its photo is {@code product}.
   */
  public static ProductView decodeView(byte[] png, Box product) throws IOException {
    BufferedImage image = withReader(png, ImageFormat.PNG, r -> r.read(0));
    int side = ProductView.SIDE;
    if (image.getWidth() != side
        || image.getHeight() != side
        || !image.getColorModel().hasAlpha()) {
      throw new IOException(
          "not a product view: " + image.getWidth() + "x" + image.getHeight() + " px");
    }
    int[] argb = image.getRGB(0, 0, side, side, null, 0, side), rgb = new int[argb.length];
    boolean[] bits = new boolean[argb.length];
    for (int i = 0; i < argb.length; i++) {
      rgb[i] = argb[i] & 0xFFFFFF;
      bits[i] = (argb[i] >>> 24) >= 128;
    }
    return new ProductView(rgb, bits, ProductView.square(product));
  }

  private interface ReaderFunction<T> {
    T apply(ImageReader reader) throws IOException;
  }

  private static <T> T withReader(byte[] bytes, ImageFormat format, ReaderFunction<T> function)
      throws IOException {
    ImageReader reader = preferredReader(format);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return function.apply(reader);
    } catch (RuntimeException e) {
      // Decoders signal some corrupt streams with unchecked exceptions.
      throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * TwelveMonkeys' reader when there is one: pure Java, and the one the decoding tests cover (the
   * WebP writer's jar registers a native reader too).
   */
  private static ImageReader preferredReader(ImageFormat format) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(readerName(format));
    ImageReader chosen = null;
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      if (chosen == null || r.getClass().getName().startsWith("com.twelvemonkeys")) {
        if (chosen != null) chosen.dispose();
        chosen = r;
      } else {
        r.dispose();
      }
    }
    if (chosen == null) {
      throw new IOException("no ImageIO reader for " + format.displayName());
    }
    return chosen;
  }

  private static String readerName(ImageFormat format) {
    return switch (format) {
      case JPEG -> "jpeg";
      case PNG -> "png";
      case WEBP -> "webp";
      default -> throw new IllegalArgumentException(format.displayName() + " is not supported");
    };
  }

  /** Converts whatever the decoder produced to packed 8-bit sRGB. */
  static RgbImage toRgb(BufferedImage image) {
    int w = image.getWidth(), h = image.getHeight();
    int[] out = new int[w * h];
    switch (image.getType()) {
      case BufferedImage.TYPE_INT_RGB -> {
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < out.length; i++) out[i] = src[i] & 0xFFFFFF;
        return new RgbImage(w, h, out);
      }
      case BufferedImage.TYPE_3BYTE_BGR -> {
        if (image.getRaster().getDataBuffer() instanceof DataBufferByte data
            && image.getRaster().getParent() == null) {
          byte[] src = data.getData();
          for (int i = 0, j = 0; i < out.length; i++, j += 3) {
            out[i] = ((src[j + 2] & 0xFF) << 16) | ((src[j + 1] & 0xFF) << 8) | (src[j] & 0xFF);
          }
          return new RgbImage(w, h, out);
        }
      }
      default -> {}
    }
    ColorModel model = image.getColorModel();
    ColorSpace space = model.getColorSpace();
    boolean gray = space.getType() == ColorSpace.TYPE_GRAY;
    if (model instanceof ComponentColorModel && (space.isCS_sRGB() || gray)) {
      readSamples(image.getRaster(), model, gray, out);
    } else {
      // Palettes, packed layouts, other colour spaces (ICC-tagged RGB, converted CMYK): let Java2D
      // convert and colour-manage.
      image.getRGB(0, 0, w, h, out, 0, w);
      if (model.getTransparency() != Transparency.OPAQUE) {
        for (int i = 0; i < out.length; i++) out[i] = overWhite(out[i]);
      } else {
        for (int i = 0; i < out.length; i++) out[i] &= 0xFFFFFF;
      }
    }
    return new RgbImage(w, h, out);
  }

  /**
   * Reads sRGB or grey samples straight from the raster, scaling any bit depth to 8 bits. Grey is
   * taken as sRGB-encoded, as PNG stores it (Java2D's grey space would treat it as linear).
   */
  private static void readSamples(Raster raster, ColorModel model, boolean gray, int[] out) {
    int w = raster.getWidth(), h = raster.getHeight(), bands = raster.getNumBands();
    int colourBands = gray ? 1 : 3;
    boolean alpha = model.hasAlpha() && bands > colourBands;
    double scale = 255.0 / ((1L << model.getComponentSize(0)) - 1);
    int[] row = new int[w * bands];
    for (int y = 0; y < h; y++) {
      raster.getPixels(0, y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int o = x * bands;
        int r, g, b;
        if (gray) {
          r = g = b = (int) Math.round(row[o] * scale);
        } else {
          r = (int) Math.round(row[o] * scale);
          g = (int) Math.round(row[o + 1] * scale);
          b = (int) Math.round(row[o + 2] * scale);
        }
        int rgb = RgbImage.pack(r, g, b);
        if (alpha) {
          int a = (int) Math.round(row[o + colourBands] * scale);
          rgb = overWhite((a << 24) | rgb);
        }
        out[y * w + x] = rgb;
      }
    }
  }

  /** Composites a non-premultiplied ARGB pixel onto white. */
  private static int overWhite(int argb) {
    int a = (argb >>> 24) & 0xFF;
    if (a == 255) {
      return argb & 0xFFFFFF;
    }
    int r = (RgbImage.red(argb) * a + 255 * (255 - a) + 127) / 255;
    int g = (RgbImage.green(argb) * a + 255 * (255 - a) + 127) / 255;
    int b = (RgbImage.blue(argb) * a + 255 * (255 - a) + 127) / 255;
    return RgbImage.pack(r, g, b);
  }

  // ---- end-of-file markers ----------------------------------------------------------------------

  /**
   * Whether an EOI marker follows the first scan. Entropy-coded data never contains FF D9 (0xFF is
   * byte-stuffed), and an EXIF thumbnail's own EOI sits inside APP1, before the first SOS.
   */
  private static boolean jpegHasEndOfImage(byte[] b) {
    JpegSegments.Header header = JpegSegments.header(b);
    if (header.unreadable()) {
      return true; // not a marker structure this check understands: leave it to the decoder
    }
    if (header.scanStart() < 0) {
      return false; // the file ends before its first scan
    }
    for (int j = b.length - 2; j > header.scanStart(); j--) {
      if ((b[j] & 0xFF) == 0xFF && (b[j + 1] & 0xFF) == 0xD9) {
        return true;
      }
    }
    return false;
  }

  private static boolean pngHasEnd(byte[] b) {
    int from = Math.max(8, b.length - 64);
    for (int i = b.length - 8; i >= from; i--) {
      if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
        return true;
      }
    }
    return false;
  }

  private static boolean webpComplete(byte[] b) {
    long riffSize =
        (b[4] & 0xFFL) | ((b[5] & 0xFFL) << 8) | ((b[6] & 0xFFL) << 16) | ((b[7] & 0xFFL) << 24);
    return b.length >= riffSize + 8;
  }
}
