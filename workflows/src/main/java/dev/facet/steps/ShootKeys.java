package dev.facet.steps;

/**
 * The one rule for object keys of a shoot. Every key derives from (workflow id, run id, round,
 * step, shot, variant), so a retried activity finds its own earlier output instead of redoing it,
 * and a new run of the same SKU never reads an older run's files.
 *
 * @param prefix {@code shoots/<workflow id>/<run id>}
 */
public record ShootKeys(String prefix) {

  public static ShootKeys of(String workflowId, String runId) {
    return new ShootKeys("shoots/" + workflowId + "/" + runId);
  }

  public String reference(int index) {
    return prefix + "/capture/ref-" + index + ".jpg";
  }

  /** The reference's cut-out (RGBA PNG: the product's own colour and alpha). */
  public String mask(int index) {
    return prefix + "/capture/ref-" + index + "-mask.png";
  }

  /** The reference's product view: what QA and scoring compare candidates with. */
  public String view(int index) {
    return prefix + "/capture/ref-" + index + "-view.png";
  }

  public String candidate(int round, String shot, int variant, String extension) {
    return prefix + "/r" + round + "/generate/" + shot + "/v" + variant + "." + extension;
  }

  /** A candidate's cut-out, when its generator knows it exactly. */
  public String cutout(int round, String shot, int variant) {
    return prefix + "/r" + round + "/generate/" + shot + "/v" + variant + CUTOUT_SUFFIX;
  }

  /**
   * Whether {@code key} is a candidate's picture (not its cut-out): for counting stored variants.
   */
  public static boolean isCandidate(String key) {
    return key.contains("/generate/") && !key.endsWith(CUTOUT_SUFFIX);
  }

  private static final String CUTOUT_SUFFIX = "-cutout.png";

  /** What scoring found in a candidate (a product finding, JSON). */
  public String analysis(int round, String shot, int variant) {
    return prefix + "/r" + round + "/score/" + shot + "/v" + variant + "-analysis.json";
  }

  public String output(int round, String shot, String channel, String extension) {
    return prefix + "/r" + round + "/post-process/" + shot + "/" + channel + "." + extension;
  }

  /**
   * The keys of one candidate's bake-off work (its finished image for the QA comparison), apart
   * from the shot's own outputs, which are keyed by round, shot and channel alone.
   */
  public ShootKeys bakeoff(String candidateId) {
    return new ShootKeys(prefix + "/bakeoff/" + candidateId);
  }

  public String manifest() {
    return prefix + "/publish/manifest.json";
  }
}
