package dev.facet.imaging;

/** What a channel does with one automated check. */
public enum QaRule {
  /** A failure stops automatic approval. */
  BLOCK,
  /** Measured and shown to reviewers; a failure does not block. */
  WARN,
  /** Not run for this channel. */
  OFF
}
