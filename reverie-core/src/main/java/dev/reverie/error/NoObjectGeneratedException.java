package dev.reverie.error;

import dev.reverie.FinishReason;
import dev.reverie.Usage;

/**
 * The model's output could not be turned into a valid object, even after repair. Carries the raw
 * text, the usage and the finish reason so the caller can inspect or bill it.
 */
public class NoObjectGeneratedException extends ReverieException {
  private final String rawText;
  private final Usage usage;
  private final FinishReason finishReason;

  public NoObjectGeneratedException(
      String message, String rawText, Usage usage, FinishReason finishReason, Throwable cause) {
    super(message, cause);
    this.rawText = rawText == null ? "" : rawText;
    this.usage = usage == null ? Usage.ZERO : usage;
    this.finishReason = finishReason == null ? FinishReason.UNKNOWN : finishReason;
  }

  /** The model's output as received. */
  public String rawText() {
    return rawText;
  }

  public Usage usage() {
    return usage;
  }

  public FinishReason finishReason() {
    return finishReason;
  }
}
