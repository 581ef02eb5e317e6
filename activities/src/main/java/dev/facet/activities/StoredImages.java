package dev.facet.activities;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.Mask;
import dev.facet.imaging.ProductFinding;
import dev.facet.imaging.ProductView;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.ImageRef;
import dev.facet.model.Reference;
import dev.facet.storage.MissingObjectException;
import dev.facet.storage.ObjectStore;
import java.io.IOException;

/** Reads images the steps stored earlier, turning storage problems into typed failures. */
final class StoredImages {

  private final ObjectStore store;

  StoredImages(ObjectStore store) {
    this.store = store;
  }

  RgbImage image(ImageRef ref) {
    return decoded(ref, "image", ImageDecoder::decode);
  }

  Mask mask(ImageRef ref) {
    return decoded(ref, "mask", ImageDecoder::decodeMask);
  }

  /** A stored cut-out, over the backdrop of the photo it was cut from. */
  ProductMatte matte(ImageRef ref, BackdropModel backdrop) {
    return decoded(ref, "cut-out", bytes -> ImageDecoder.decodeMatte(bytes, backdrop));
  }

  /** What an earlier step found in an image ({@link ProductFinding}). */
  ProductFinding finding(ImageRef ref) {
    return decoded(ref, "analysis", ProductFinding::fromJson);
  }

  /**
   * The reference's product as QA and scoring compare it: its stored view, or, for a reference
   * captured before views were stored, the view made from its photo and mask.
   */
  ProductView view(Reference reference) {
    if (reference.view() == null) {
      return ProductView.of(image(reference.image()), mask(reference.mask()));
    }
    return decoded(
        reference.view(), "view", bytes -> ImageDecoder.decodeView(bytes, reference.productBox()));
  }

  /** How one kind of stored object is read from its bytes. */
  @FunctionalInterface
  private interface Decoder<T> {
    T decode(byte[] bytes) throws IOException;
  }

  /** The object at {@code ref}, decoded; one it cannot decode is the step's invalid input. */
  private <T> T decoded(ImageRef ref, String kind, Decoder<T> decoder) {
    try {
      return decoder.decode(bytes(ref));
    } catch (IOException e) {
      throw StepFailures.invalidInput(
          "Stored " + kind + " " + ref.key() + " cannot be decoded: " + e.getMessage());
    }
  }

  byte[] bytes(ImageRef ref) {
    try {
      return store.get(ref.key());
    } catch (MissingObjectException e) {
      throw StepFailures.missingObject(e);
    }
  }
}
