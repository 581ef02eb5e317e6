package dev.facet.imaging;

/**
 * How a published image was made, as the IPTC Digital Source Type vocabulary names it. Google
 * Merchant Center requires AI-generated product images to keep this tag; Facet writes it into every
 * finished file's XMP.
 */
public enum DigitalSourceType {
  /** Made by a generative model from a prompt and reference photos. */
  TRAINED_ALGORITHMIC_MEDIA("trainedAlgorithmicMedia"),
  /**
   * Real pixels combined with generated ones (e.g. a photographed product on a generated scene).
   */
  COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA("compositeWithTrainedAlgorithmicMedia"),
  /**
   * A composite with synthetic parts but no trained model: the studio renderer's cut-out of the
   * seller's photo, relit on a computed backdrop.
   */
  COMPOSITE_SYNTHETIC("compositeSynthetic");

  private static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

  private final String code;

  DigitalSourceType(String code) {
    this.code = code;
  }

  public String uri() {
    return VOCABULARY + code;
  }
}
