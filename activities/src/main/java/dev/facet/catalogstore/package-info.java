/**
 * What a catalog keeps in the object store: its manifest (read in pages), one outcome per product
 * and the final report, as {@link dev.facet.catalog.CatalogActivities}.
 */
package dev.facet.catalogstore;
