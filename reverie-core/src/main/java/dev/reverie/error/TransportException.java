package dev.reverie.error;

/**
 * The HTTP exchange failed below the protocol: connection refused or reset, timeout, a body that
 * could not be read. Retryable unless the caller cancelled.
 */
public class TransportException extends ReverieException {
  private final boolean retryable;

  public TransportException(String message, Throwable cause) {
    this(message, cause, true);
  }

  public TransportException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
