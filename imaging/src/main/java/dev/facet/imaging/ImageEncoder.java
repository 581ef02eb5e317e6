package dev.facet.imaging;

import dev.facet.imaging.matte.ProductMatte;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Encodes images. Nothing personal goes out: no EXIF, no GPS, no comments. Stored working copies
 * are bare pixels; finished images ({@link #finished}) also carry an sRGB ICC profile, so colour
 * managed viewers show the metal as measured, and an XMP packet saying how the image was made.
 */
public final class ImageEncoder {

  private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
  private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private ImageEncoder() {}

  /**
   * A finished image in {@code format} (JPEG or WebP) at {@code quality} (0..1), with the sRGB
   * profile and the IPTC digital source type embedded.
   */
  public static byte[] finished(
      RgbImage image, ImageFormat format, float quality, DigitalSourceType source) {
    byte[] xmp = XmpPacket.of(source);
    return switch (format) {
      case JPEG -> JpegSegments.withXmpAndIcc(jpeg(image, quality), xmp, SRGB_PROFILE);
      case WEBP ->
          WebpContainer.withMetadata(
              webp(image, quality), image.width(), image.height(), SRGB_PROFILE, null, xmp);
      default ->
          throw new IllegalArgumentException(
              format.displayName() + " is not a finished-image format");
    };
  }

  /**
   * Lossy WebP through the {@code webp-imageio} writer (libwebp over JNI, native libraries bundled
   * in the jar for Linux, macOS and Windows). No pure-Java WebP encoder exists on Maven Central.
   */
  public static byte[] webp(RgbImage image, float quality) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(ImageFormat.WEBP.mediaType());
    if (!writers.hasNext()) {
      throw new IllegalStateException(
          "no WebP writer on the classpath (com.github.usefulness:webp-imageio)");
    }
    ImageWriter writer = writers.next();
    try (ByteArrayOutputStream bytes =
            new ByteArrayOutputStream(image.width() * image.height() / 8);
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("Lossy");
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image.toBufferedImage(), null, null), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException | UnsatisfiedLinkError e) {
      throw new IllegalStateException("WebP encoding failed: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
  }

  /**
   * Baseline JPEG at {@code quality} (0..1) with full-resolution chroma (4:4:4): the default 4:2:0
   * halves colour resolution, which smears gold edges against a white background.
   */
  public static byte[] jpeg(RgbImage image, float quality) {
    BufferedImage buffered = image.toBufferedImage();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes =
            new ByteArrayOutputStream(image.width() * image.height() / 4);
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(
              ImageTypeSpecifier.createFromRenderedImage(buffered), param);
      fullChroma(metadata);
      writer.setOutput(out);
      writer.write(null, new IIOImage(buffered, null, metadata), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
  }

  private static void fullChroma(IIOMetadata metadata) throws IOException {
    Element tree = (Element) metadata.getAsTree(JPEG_METADATA);
    NodeList components = tree.getElementsByTagName("componentSpec");
    for (int i = 0; i < components.getLength(); i++) {
      Element component = (Element) components.item(i);
      component.setAttribute("HsamplingFactor", "1");
      component.setAttribute("VsamplingFactor", "1");
    }
    metadata.setFromTree(JPEG_METADATA, tree);
  }

  public static byte[] png(RgbImage image) {
    return png(image.toBufferedImage());
  }

  /** A 1-bit PNG, white = product: an eighth of the data to compress of an 8-bit one. */
  public static byte[] png(Mask mask) {
    int w = mask.width(), h = mask.height();
    BufferedImage binary = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
    byte[] data = ((DataBufferByte) binary.getRaster().getDataBuffer()).getData();
    int stride = (w + 7) / 8;
    boolean[] bits = mask.bits();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (bits[y * w + x]) data[y * stride + x / 8] |= (byte) (0x80 >>> (x % 8));
      }
    }
    return png(binary);
  }

  /**
   * A cut-out as an RGBA PNG: the product's own colour (unmixed from the backdrop, sRGB) and its
   * alpha. What a product matte is stored as.
   */
  public static byte[] png(ProductMatte matte) {
    int w = matte.width(), h = matte.height();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    byte[] coverage = matte.coverage();
    for (int i = 0; i < argb.length; i++) {
      int a = coverage[i] & 0xFF;
      argb[i] = a == 0 ? 0 : (a << 24) | matte.colour(i);
    }
    return png(image);
  }

  /** A product view as an RGBA PNG: its pixels, and the product opaque, the rest clear. */
  public static byte[] png(ProductView view) {
    int side = ProductView.SIDE;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
    int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < argb.length; i++)
      argb[i] = (view.product()[i] ? 0xFF000000 : 0) | (view.rgb()[i] & 0xFFFFFF);
    return png(image);
  }

  private static byte[] png(BufferedImage image) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IllegalStateException("no PNG writer");
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
  }
}
