package dev.facet.providerreport;

/** Where the provider report and its evidence live in the object store. */
public final class ProviderReportKeys {

  public static final String FOLDER = "reports/providers/";
  public static final String EVIDENCE = FOLDER + "evidence/";
  public static final String JSON = FOLDER + "report.json";
  public static final String CSV = FOLDER + "report.csv";

  private ProviderReportKeys() {}

  /** One shoot run's evidence: workflow ids and run ids are safe key segments already. */
  static String evidence(String workflowId, String runId) {
    return EVIDENCE + workflowId + "/" + runId + ".json";
  }
}
