package dev.facet.app.web;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error responses of the API, one per status, each an RFC 9457 problem as {@code
 * ApiExceptionHandler} writes it. Operations refer to them ({@code #/components/responses/…}).
 */
final class ApiProblems {

  static final String SCHEMA = "ProblemDetail";
  static final String MEDIA_TYPE = "application/problem+json";

  /** Every status an API endpoint may answer with a problem, and what it means in Facet. */
  static final Map<Integer, String> BY_STATUS = byStatus();

  private ApiProblems() {}

  private static Map<Integer, String> byStatus() {
    Map<Integer, String> problems = new LinkedHashMap<>();
    problems.put(400, "The request is malformed or invalid; `detail` says what to fix.");
    problems.put(401, "No API key, or an unknown one: send `Authorization: Bearer <key>`.");
    problems.put(403, "The API key's role may not do this.");
    problems.put(404, "No such shoot or catalog.");
    problems.put(
        409,
        "The request conflicts with where the shoot or catalog is (already running,"
            + " already decided, finished, not finished yet); `detail` gives the reason.");
    problems.put(411, "A JSON body sent without a Content-Length.");
    problems.put(
        413,
        "Too large: a photo above the size limit, more photos than allowed, or a JSON"
            + " body above facet.security.max-json-body.");
    problems.put(415, "Not a JPEG, PNG or WebP photo, whatever its name says.");
    problems.put(
        422,
        "Understood but unusable: unknown photo keys, invalid products in a manifest,"
            + " or a photo that cannot serve as a reference.");
    problems.put(
        503,
        "Temporal did not answer (retry later), or cannot list workflows (the review"
            + " queue on the in-process server).");
    return Map.copyOf(problems);
  }

  /** The name of the shared response for {@code status}, e.g. {@code Problem404}. */
  static String responseName(int status) {
    return "Problem" + status;
  }

  static ApiResponse response(int status) {
    String description = BY_STATUS.get(status);
    if (description == null) {
      throw new IllegalArgumentException("No problem response is described for HTTP " + status);
    }
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
  }

  /** RFC 9457's members; Facet adds some per problem (e.g. {@code keys}, {@code problems}). */
  static Schema<?> schema() {
    return new ObjectSchema()
        .description("An RFC 9457 problem. Some problems carry more members, named in `detail`.")
        .addProperty(
            "type",
            new StringSchema().description("A URI naming the problem type").example("about:blank"))
        .addProperty(
            "title",
            new StringSchema().description("The problem in a few words").example("No such shoot"))
        .addProperty("status", new IntegerSchema().description("The HTTP status").example(404))
        .addProperty("detail", new StringSchema().description("What went wrong and what to do"))
        .addProperty("instance", new StringSchema().description("The request path"))
        .additionalProperties(true);
  }
}
