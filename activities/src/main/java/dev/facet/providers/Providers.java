package dev.facet.providers;

/** Provider names: the {@code GenerateRequest.provider()} values and task-queue suffixes. */
public final class Providers {

  public static final String OPENAI = "openai";

  public static final String FLUX = "flux";

  private Providers() {}
}
