package dev.facet.catalog;

import dev.facet.model.ImageRef;
import dev.facet.shoot.Stage;

/**
 * What a product shoot tells its catalog: that it now waits for (or no longer waits for) a human,
 * or how it ended.
 *
 * @param stage the shoot's stage; a finished stage ends the product
 * @param costUsd provider cost so far
 * @param failure why it failed, or null
 * @param heroImage for a published shoot: the approved image of its first shot, which becomes the
 *     collection's style reference; otherwise null
 */
public record ShootUpdate(
    String sku, Stage stage, double costUsd, String failure, ImageRef heroImage) {}
