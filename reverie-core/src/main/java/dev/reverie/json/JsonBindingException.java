package dev.reverie.json;

import dev.reverie.error.ReverieException;

/**
 * A complete JSON value could not be bound to the requested Java type, for example because the
 * record's constructor rejected the arguments. Partial values that cannot be bound yet become
 * {@code null} instead.
 */
public class JsonBindingException extends ReverieException {
  public JsonBindingException(String message, Throwable cause) {
    super(message, cause);
  }
}
