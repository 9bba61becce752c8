package dev.reverie.cassette;

/** How a request compared with a recorded interaction. */
public enum MatchOutcome {
  /** Same method and URL, and the bodies are the same text after line-ending normalization. */
  EXACT,
  /** Same method and URL, and the bodies differ as text but are equal as JSON values. */
  JSON_EQUAL,
  /** The method, the URL or the body differs; the request cannot be answered by this one. */
  MISMATCH;

  /** Whether the request may be answered by the recorded interaction. */
  public boolean matched() {
    return this != MISMATCH;
  }
}
