package dev.reverie.error;

/**
 * A stream ended without its terminal signal (no finish reason, no {@code [DONE]}, no {@code
 * message_stop}): the answer may be truncated. Retryable.
 */
public class IncompleteStreamException extends ReverieException {
  public IncompleteStreamException(String message) {
    super(message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
