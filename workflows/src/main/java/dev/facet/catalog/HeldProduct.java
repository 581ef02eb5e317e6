package dev.facet.catalog;

/**
 * A product the catalog has not started because its shoot could pass the budget: started as soon as
 * the budget leaves room for it (a shoot ends, or the budget is raised).
 *
 * @param index its place in the manifest, where it is read again after a continue-as-new
 * @param usd what its shoot may cost at most ({@link ShootEstimate#mostUsd})
 */
public record HeldProduct(int index, String sku, double usd) {}
