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
    try {
      return ImageDecoder.decode(bytes(ref));
    } catch (IOException e) {
      throw StepFailures.invalidInput(
          "Stored image " + ref.key() + " cannot be decoded: " + e.getMessage());
    }
  }

  Mask mask(ImageRef ref) {
    try {
      return ImageDecoder.decodeMask(bytes(ref));
    } catch (IOException e) {
      throw StepFailures.invalidInput(
          "Stored mask " + ref.key() + " cannot be decoded: " + e.getMessage());
    }
  }

  /** A stored cut-out, over the backdrop of the photo it was cut from. */
  ProductMatte matte(ImageRef ref, BackdropModel backdrop) {
    try {
      return ImageDecoder.decodeMatte(bytes(ref), backdrop);
    } catch (IOException e) {
      throw StepFailures.invalidInput(
          "Stored cut-out " + ref.key() + " cannot be decoded: " + e.getMessage());
    }
  }

  /** What an earlier step found in an image ({@link ProductFinding}). */
  ProductFinding finding(ImageRef ref) {
    try {
      return ProductFinding.fromJson(bytes(ref));
    } catch (IOException e) {
      throw StepFailures.invalidInput(
          "Stored analysis " + ref.key() + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * The reference's product as QA and scoring compare it: its stored view, or, for a reference
   * captured before views were stored, the view made from its photo and mask.
   */
  ProductView view(Reference reference) {
    if (reference.view() == null) {
      return ProductView.of(image(reference.image()), mask(reference.mask()));
    }
    try {
      return ImageDecoder.decodeView(bytes(reference.view()), reference.productBox());
    } catch (IOException e) {
      throw StepFailures.invalidInput(
          "Stored view " + reference.view().key() + " cannot be decoded: " + e.getMessage());
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
