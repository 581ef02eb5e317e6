package dev.facet.steps;

import java.util.List;

/**
 * Generator names: the values of {@code policy.providers}, {@code GenerateRequest.provider()} and
 * the suffixes of {@link TaskQueues#generation(String)}.
 */
public final class Providers {

  /** The built-in offline studio renderer; needs no key. */
  public static final String STUDIO = "studio";

  /** OpenAI GPT Image. */
  public static final String OPENAI = "openai";

  /** Black Forest Labs FLUX. */
  public static final String FLUX = "flux";

  /** Every name a policy may use. */
  public static final List<String> ALL = List.of(STUDIO, OPENAI, FLUX);

  private Providers() {}
}
