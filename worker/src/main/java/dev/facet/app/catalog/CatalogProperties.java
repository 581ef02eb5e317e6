package dev.facet.app.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How catalogs run unless a start says otherwise. Null leaves the workflow's own default.
 *
 * @param window products in progress at once, not counting those parked for a reviewer
 * @param startsPerRun product starts per workflow run before it continues as new
 */
@ConfigurationProperties("facet.catalog")
public record CatalogProperties(Integer window, Integer startsPerRun) {}
