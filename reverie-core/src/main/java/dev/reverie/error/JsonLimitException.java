package dev.reverie.error;

/**
 * A JSON document exceeded a read limit (nesting depth, string length, document length). Raised
 * instead of a {@link StackOverflowError} or an out-of-memory error on hostile input.
 */
public class JsonLimitException extends ReverieException {
  public JsonLimitException(String message) {
    super(message);
  }
}
