package dev.facet.testing;

import dev.facet.FacetApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, with the in-process Temporal server, the embedded object
 * store over a fresh folder under {@code target/}, and {@link FakeShootWorkflow} as the workflow.
 * The API keys are {@link TestKeys}. Photos are limited to 3 MB so that "too large" is cheap to
 * send.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = {FacetApplication.class, FakeShootWorkers.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "facet.temporal.mode=in-process",
      "facet.temporal.port=0",
      "facet.data=target/test-data/${random.uuid}",
      "facet.uploads.max-file-size=3MB",
      // TestKeys: olga the operator, rita the reviewer, ada the admin.
      TestKeys.OPERATOR_PROPERTIES,
      TestKeys.REVIEWER_PROPERTIES,
      TestKeys.ADMIN_PROPERTIES
    })
public @interface InProcessStackTest {}
