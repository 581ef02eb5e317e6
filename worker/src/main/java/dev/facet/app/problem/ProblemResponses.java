package dev.facet.app.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code application/problem+json} errors an endpoint answers besides 401 and 403, which every
 * API endpoint may: the OpenAPI document lists them from here, described once in {@code
 * dev.facet.app.web.ApiProblems}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

  /** HTTP status codes, e.g. {@code {400, 404, 503}}. */
  int[] value();
}
