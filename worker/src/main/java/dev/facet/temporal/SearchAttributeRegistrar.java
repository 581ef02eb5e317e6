package dev.facet.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the namespace knows Facet's custom search attributes. Runs on every start, whatever
 * the server: a dev server database created by an older Facet lacks newer attributes, and the
 * in-process server starts with none.
 */
public final class SearchAttributeRegistrar {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private SearchAttributeRegistrar() {}

  public static void ensure(
      WorkflowServiceStubs stubs, String namespace, List<SearchAttributeKey<?>> keys) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder(stubs.getOptions())
                .validateAndBuildWithDefaults());
    try {
      // One request per attribute: a request naming an existing attribute fails as a whole.
      keys.forEach(key -> add(operator, namespace, key));
    } finally {
      operator.shutdown();
    }
  }

  private static void add(
      OperatorServiceStubs operator, String namespace, SearchAttributeKey<?> key) {
    try {
      operator
          .blockingStub()
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .addSearchAttributes(
              AddSearchAttributesRequest.newBuilder()
                  .setNamespace(namespace)
                  .putSearchAttributes(key.getName(), key.getValueType())
                  .build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      String message = String.valueOf(e.getStatus().getDescription());
      if (code == Status.Code.ALREADY_EXISTS && message.contains("different type")) {
        throw new IllegalStateException(
            "Search attribute %s exists in namespace %s with another type than %s: %s"
                .formatted(key.getName(), namespace, cliType(key.getValueType()), message),
            e);
      }
      if (code == Status.Code.ALREADY_EXISTS) {
        return;
      }
      if (code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNIMPLEMENTED) {
        // Temporal Cloud manages search attributes outside the operator API.
        log.warn(
            "Cannot register search attribute {} ({}). Create it in namespace {} by hand,"
                + " e.g. `temporal operator search-attribute create --name {} --type {}`"
                + " or in Temporal Cloud's namespace settings.",
            key.getName(),
            message,
            namespace,
            key.getName(),
            cliType(key.getValueType()));
        return;
      }
      throw e;
    }
  }

  /** The type name the {@code temporal} CLI uses, e.g. {@code Keyword}. */
  static String cliType(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("No CLI name for " + type);
    };
  }
}
