/**
 * The catalog manifest format, in one place: CSV or JSON rows, the stones syntax, the rules every
 * product must meet, and every problem with its line. {@code run} reads photos as paths next to the
 * file; the API and the catalog workflow read them as object keys; each checks its own kind.
 */
package dev.facet.manifest;
