package dev.facet.activities;

import dev.facet.imaging.Finding;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.ImageFormat;
import dev.facet.imaging.Mask;
import dev.facet.imaging.Medians;
import dev.facet.imaging.PhotoCheck;
import dev.facet.imaging.PhotoValidator;
import dev.facet.imaging.ProductMeasurer;
import dev.facet.imaging.ProductMeasurer.Measurements;
import dev.facet.imaging.ProductView;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.matte.Matting;
import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.Lab;
import dev.facet.model.Reference;
import dev.facet.model.ReferencePhoto;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.CaptureRequest;
import dev.facet.steps.CaptureResult;
import dev.facet.steps.ShootKeys;
import dev.facet.storage.MissingObjectException;
import dev.facet.storage.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates every reference photo, stores it upright in sRGB without metadata (so GPS and other
 * personal EXIF never leave this step) together with its product mask and its product view (what QA
 * and scoring compare candidates with), and measures the colour signature. A retry finds the photos
 * an earlier attempt already stored and only re-measures them, fitting the backdrop exactly as the
 * first attempt did, so the signature does not depend on retries.
 */
public final class CaptureActivitiesImpl implements CaptureActivities {

  /** Re-encoding quality of the normalised photo: visually lossless, a third of a PNG's size. */
  static final float REFERENCE_QUALITY = 0.95f;

  private final ObjectStore store;
  private final PhotoValidator validator;
  private final Matting matting = new Matting();
  private final ProductMeasurer measurer = new ProductMeasurer();

  public CaptureActivitiesImpl(ObjectStore store, PhotoValidator validator) {
    this.store = store;
    this.validator = validator;
  }

  @Override
  public CaptureResult capture(CaptureRequest request) {
    if (request.photos().isEmpty()) {
      throw StepFailures.invalidInput(
          "No reference photos: upload at least one photo of the piece");
    }
    List<Reference> references = new ArrayList<>();
    List<Lab> stones = new ArrayList<>();
    for (int i = 0; i < request.photos().size(); i++) {
      Captured captured = captureOne(request.keys(), i, request.photos().get(i));
      references.add(captured.reference());
      stones.add(captured.stone());
    }
    return new CaptureResult(references, signature(references, stones));
  }

  private record Captured(Reference reference, Lab stone) {}

  private Captured captureOne(ShootKeys keys, int index, ReferencePhoto photo) {
    Optional<ImageRef> storedImage = store.find(keys.reference(index));
    Optional<ImageRef> storedMask = store.find(keys.mask(index));
    Optional<ImageRef> storedView = store.find(keys.view(index));
    if (storedImage.isPresent() && storedMask.isPresent() && storedView.isPresent()) {
      return remeasure(index, photo, storedImage.get(), storedMask.get(), storedView.get());
    }
    PhotoCheck check = validator.validate(read(photo.key()));
    if (!check.accepted()) {
      throw StepFailures.invalidInput(describe(index, photo, check.errors()));
    }
    // Everything is measured on the photo as stored, so a retry that re-reads it measures the same.
    byte[] normalised = ImageEncoder.jpeg(check.image(), REFERENCE_QUALITY);
    RgbImage image = decodeStored(normalised, keys.reference(index));
    ProductMatte matte = matting.find(image);
    Mask mask = matte.mask();
    List<Finding> productFindings = validator.checkProduct(mask);
    List<Finding> errors = productFindings.stream().filter(Finding::isError).toList();
    if (!errors.isEmpty()) {
      throw StepFailures.invalidInput(describe(index, photo, errors));
    }
    // Cut-out and view first: a stored reference then always has both, which is what a retry
    // checks.
    ImageRef maskRef =
        store.put(
            keys.mask(index),
            ImageEncoder.png(matte),
            ImageFormat.PNG.mediaType(),
            image.width(),
            image.height());
    ImageRef viewRef = storeView(keys, index, image, mask);
    ImageRef imageRef =
        store.put(
            keys.reference(index),
            normalised,
            ImageFormat.JPEG.mediaType(),
            image.width(),
            image.height());
    Measurements m = measurer.measure(image, mask, matte.backdrop());
    return reference(index, photo, imageRef, maskRef, viewRef, m, warnings(check, productFindings));
  }

  /**
   * The product as QA and scoring compare it, analysed once here instead of at every comparison.
   */
  private ImageRef storeView(ShootKeys keys, int index, RgbImage image, Mask mask) {
    return store.put(
        keys.view(index),
        ImageEncoder.png(ProductView.of(image, mask)),
        ImageFormat.PNG.mediaType(),
        ProductView.SIDE,
        ProductView.SIDE);
  }

  /**
   * A retry: the normalised photo and its cut-out are stored, so only the measurements are redone.
   */
  private Captured remeasure(
      int index, ReferencePhoto photo, ImageRef imageRef, ImageRef maskRef, ImageRef viewRef) {
    RgbImage image = decodeStored(read(imageRef.key()), imageRef.key());
    Mask mask;
    try {
      mask = ImageDecoder.decodeMask(read(maskRef.key()));
    } catch (IOException e) {
      throw new IllegalStateException("stored cut-out " + maskRef.key() + " is unreadable", e);
    }
    PhotoCheck check = validator.checkPixels(image, ImageFormat.JPEG);
    Measurements m = measurer.measure(image, mask, matting.backdrop(image));
    return reference(
        index, photo, imageRef, maskRef, viewRef, m, warnings(check, validator.checkProduct(mask)));
  }

  private static RgbImage decodeStored(byte[] jpeg, String key) {
    try {
      return ImageDecoder.decode(jpeg, ImageFormat.JPEG);
    } catch (IOException e) {
      throw new IllegalStateException("stored reference " + key + " is unreadable", e);
    }
  }

  private static Captured reference(
      int index,
      ReferencePhoto photo,
      ImageRef image,
      ImageRef mask,
      ImageRef view,
      Measurements m,
      List<String> warnings) {
    return new Captured(
        new Reference(
            index,
            photo.angle(),
            image,
            mask,
            view,
            m.box(),
            m.fill(),
            m.metal(),
            m.sharpness(),
            warnings),
        m.stone());
  }

  private byte[] read(String key) {
    try {
      return store.get(key);
    } catch (MissingObjectException e) {
      throw StepFailures.missingObject(e);
    }
  }

  private static List<String> warnings(PhotoCheck check, List<Finding> productFindings) {
    List<String> out = new ArrayList<>();
    check.warnings().forEach(f -> out.add(f.message()));
    productFindings.stream().filter(f -> !f.isError()).forEach(f -> out.add(f.message()));
    return out;
  }

  /** "Photo 2 (angle "side", uploads/x.jpg): too blurry: …". */
  static String describe(int index, ReferencePhoto photo, List<Finding> errors) {
    String angle = photo.angle().isEmpty() ? "no angle tag" : "angle \"" + photo.angle() + "\"";
    return "Photo "
        + (index + 1)
        + " ("
        + angle
        + ", "
        + photo.key()
        + "): "
        + errors.stream().map(Finding::message).collect(Collectors.joining("; "));
  }

  /** {@link Medians#signature} over the references' metal and stone colours. */
  static ColourSignature signature(List<Reference> references, List<Lab> stones) {
    return Medians.signature(references.stream().map(Reference::metal).toList(), stones);
  }
}
