package dev.facet.app.run;

import dev.facet.shoot.CandidateView;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a reviewer exactly how to decide on a waiting shoot: through the HTTP API, the {@code
 * temporal} CLI (the {@code decision} signal) or the Web UI.
 *
 * @param api base URL of this process's HTTP API
 * @param temporalTarget the address for {@code temporal --address}
 * @param namespace the Temporal namespace
 * @param webUi the Temporal Web UI, when there is one
 * @param apiKey the API key as a shell expression, e.g. {@code $(cat data/admin.key)}
 * @param json the application's mapper, which writes the decisions' bodies
 */
record ReviewInstructions(
    String api,
    String temporalTarget,
    String namespace,
    Optional<URI> webUi,
    String apiKey,
    JsonMapper json) {

  private static final String DEFAULT_TARGET = "127.0.0.1:7233";

  String explain(ShootState state, String runId) {
    String sku = state.sku();
    String workflowId = ProductShootWorkflow.workflowId(sku);
    boolean selecting = state.stage() == Stage.AWAITING_SELECTION;
    String decision =
        selecting ? selection(state) : json(orderedMap("action", "approve", "reviewer", "you"));
    String reject =
        json(orderedMap("action", "reject", "notes", "what to change", "reviewer", "you"));
    StringBuilder text = new StringBuilder();
    text.append(sku)
        .append(" is ")
        .append(state.stage().words())
        .append(" (round ")
        .append(state.round())
        .append(").\n");
    text.append(
        selecting
            ? "  Select the best-scored candidates with one of:\n"
            : "  Approve with one of:\n");
    text.append("    curl -X POST ")
        .append(api)
        .append("/api/shoots/")
        .append(sku)
        .append("/decisions -H \"Authorization: Bearer ")
        .append(apiKey)
        .append("\" -H 'Content-Type: application/json' -d ")
        .append(shellQuote(decision))
        .append('\n');
    text.append("    temporal workflow signal")
        .append(connectionFlags())
        .append(" --workflow-id ")
        .append(workflowId)
        .append(" --name decision --input ")
        .append(shellQuote(decision))
        .append('\n');
    webUi.ifPresent(
        ui ->
            text.append("    Web UI: ")
                .append(ui)
                .append("/namespaces/")
                .append(namespace)
                .append("/workflows/")
                .append(workflowId)
                .append('/')
                .append(runId)
                .append("/history  (Send a Signal: decision)\n"));
    if (!selecting) {
      text.append("  Or reject with notes: ").append(shellQuote(reject)).append('\n');
    }
    text.append("  See everything: curl -H \"Authorization: Bearer ")
        .append(apiKey)
        .append("\" ")
        .append(api)
        .append("/api/shoots/")
        .append(sku)
        .append('\n');
    return text.toString();
  }

  /** The rank-1 candidate of every shot of the current round. */
  private String selection(ShootState state) {
    Map<String, String> best = new TreeMap<>();
    for (CandidateView view : state.candidates()) {
      if (view.rank() == 1 && view.candidate().round() == state.round()) {
        best.put(view.candidate().shot(), view.candidate().id());
      }
    }
    return json(orderedMap("action", "select", "selections", best, "reviewer", "you"));
  }

  private String connectionFlags() {
    String flags = temporalTarget.equals(DEFAULT_TARGET) ? "" : " --address " + temporalTarget;
    return namespace.equals("default") ? flags : flags + " --namespace " + namespace;
  }

  private static Map<String, Object> orderedMap(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private String json(Map<String, ?> value) {
    return json.writeValueAsString(value);
  }

  /** Single-quotes for a POSIX shell. */
  static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
