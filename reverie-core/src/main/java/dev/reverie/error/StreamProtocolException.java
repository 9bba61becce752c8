package dev.reverie.error;

/**
 * A response or stream did not follow the provider's wire format: malformed SSE, a chunk that is
 * not valid JSON, a missing field. Not retryable.
 */
public class StreamProtocolException extends ReverieException {
  public StreamProtocolException(String message) {
    super(message);
  }

  public StreamProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
