package dev.facet.manifest;

/** One thing wrong with a manifest, and the line where it is. */
public record Problem(int line, String text) {

  @Override
  public String toString() {
    return "line " + line + ": " + text;
  }
}
