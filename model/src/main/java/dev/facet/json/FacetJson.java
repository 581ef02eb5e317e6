package dev.facet.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Facet's one Jackson 2 mapper, for everything outside the web layer (the web layer's Jackson 3
 * mapper is Spring Boot's; Temporal's payloads keep the SDK's own). Variations are readers and
 * writers derived from it at the call site, so the configuration stays here.
 */
public final class FacetJson {

  /**
   * Unknown fields are ignored: providers add fields to their answers, and files written by a newer
   * Facet stay readable by an older one.
   */
  public static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** For the files people open: reports, outcomes, manifests, QA results. */
  public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private FacetJson() {}
}
