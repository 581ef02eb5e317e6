package dev.facet.shoot;

import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import java.util.List;

/** How a shoot ended. */
public record ShootResult(
    String sku,
    Stage outcome,
    int rounds,
    List<ChannelImage> finals,
    ImageRef manifest,
    double costUsd,
    String failure) {}
