package dev.reverie.error;

/** The caller closed the stream or interrupted the thread; the exchange was aborted. */
public class CancelledException extends ReverieException {
  public CancelledException(String message) {
    super(message);
  }

  public CancelledException(String message, Throwable cause) {
    super(message, cause);
  }
}
