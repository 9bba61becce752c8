package dev.reverie.error;

/**
 * The root of every error Reverie throws. Messages never contain API keys or Authorization headers.
 */
public class ReverieException extends RuntimeException {
  public ReverieException(String message) {
    super(message);
  }

  public ReverieException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether repeating the same request may succeed (rate limits, overload, dropped streams). */
  public boolean isRetryable() {
    return false;
  }
}
