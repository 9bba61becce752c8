package dev.reverie.json;

import dev.reverie.error.ReverieException;

/**
 * The text is not JSON (for example {@code {"a" 1}} or {@code [1,,2]}); names the offset, counted
 * in characters from the first character fed. An unfinished tail is never a syntax error while
 * input may still arrive.
 */
public class JsonSyntaxException extends ReverieException {
  private final long offset;

  public JsonSyntaxException(String message, long offset) {
    super("invalid JSON at offset " + offset + ": " + message);
    this.offset = offset;
  }

  /** The offset of the offending character in the whole input fed so far. */
  public long offset() {
    return offset;
  }
}
