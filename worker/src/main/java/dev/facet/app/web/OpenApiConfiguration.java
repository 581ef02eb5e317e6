package dev.facet.app.web;

import dev.facet.app.problem.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): the API
 * key scheme for every operation, and each operation's problem responses — 401 and 403 for all, the
 * others from {@link ProblemResponses}. A test keeps {@code docs/openapi.json} equal to it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String API_KEY = "apiKey";

  @Bean
  OpenAPI facetOpenApi() {
    Components components =
        new Components()
            .addSecuritySchemes(
                API_KEY,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description(
                        "An API key: `Authorization: Bearer <key>`. Its role decides what it"
                            + " may do: operator (start, pause, resume, cancel, upload), reviewer"
                            + " (decisions), admin (everything); every role may read."))
            .addSchemas(ApiProblems.SCHEMA, ApiProblems.schema());
    new TreeMap<>(ApiProblems.BY_STATUS)
        .keySet()
        .forEach(
            status ->
                components.addResponses(
                    ApiProblems.responseName(status), ApiProblems.response(status)));
    return new OpenAPI()
        .info(
            new Info()
                .title("Facet API")
                .version("v1")
                .description(
                    "Upload reference photos, start product shoots and catalogs, follow them"
                        + " and decide on them. Every error is `application/problem+json`."))
        // Relative: the same document for every host, so the committed copy stays equal to it.
        .servers(List.of(new Server().url("/")))
        .components(components)
        .security(List.of(new SecurityRequirement().addList(API_KEY)));
  }

  /** Adds 401, 403 and the endpoint's {@link ProblemResponses} as references to the shared ones. */
  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handler) -> {
      ApiResponses responses =
          operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      SortedSet<Integer> statuses = new TreeSet<>(List.of(401, 403));
      ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
      if (declared != null) {
        Arrays.stream(declared.value()).forEach(statuses::add);
      }
      for (int status : statuses) {
        ApiProblems.response(status); // fails on a status ApiProblems does not describe
        responses.addApiResponse(
            String.valueOf(status),
            new ApiResponse().$ref("#/components/responses/" + ApiProblems.responseName(status)));
      }
      return operation.responses(responses);
    };
  }
}
