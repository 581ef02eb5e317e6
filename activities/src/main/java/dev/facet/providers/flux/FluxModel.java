package dev.facet.providers.flux;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The FLUX endpoints Facet submits to ({@code POST https://api.bfl.ai/v1/<endpoint>}, then the
 * answer's {@code polling_url}), with their list price: 4 credits, $0.04, per image for both (1
 * credit = $0.01; https://docs.bfl.ml/quick_start/pricing, checked 2026-12-05). The submit answer
 * carries the actual cost, which wins when present. BFL's API description calls Kontext [pro]
 * legacy ("use FLUX.2 [PRO] for editing") but names no shutdown date.
 */
public enum FluxModel {
  /** FLUX 1.1 [pro]: text to image, width and height in multiples of 32. */
  PRO_1_1("flux-pro-1.1", 4, false),
  /** FLUX.1 Kontext [pro]: edits an input image (a reference photo) by instruction. */
  KONTEXT_PRO("flux-kontext-pro", 4, true);

  private final String endpoint;
  private final double credits;
  private final boolean editsInputImage;

  FluxModel(String endpoint, double credits, boolean editsInputImage) {
    this.endpoint = endpoint;
    this.credits = credits;
    this.editsInputImage = editsInputImage;
  }

  /** The model whose endpoint is {@code endpoint}, as generator names spell it. */
  public static Optional<FluxModel> byEndpoint(String endpoint) {
    return Arrays.stream(values()).filter(m -> m.endpoint.equals(endpoint)).findFirst();
  }

  /** Every endpoint, for a message naming the models there are. */
  public static String endpoints() {
    return Arrays.stream(values()).map(FluxModel::endpoint).collect(Collectors.joining(", "));
  }

  /** The path segment after {@code /v1/}. */
  public String endpoint() {
    return endpoint;
  }

  public double listPriceUsd() {
    return credits / 100.0;
  }

  public boolean editsInputImage() {
    return editsInputImage;
  }
}
