package dev.reverie.schema;

import dev.reverie.error.ReverieException;

/**
 * A JSON schema given to Reverie cannot be used: an unknown type name, a {@code $ref} that does not
 * resolve inside the schema, an invalid {@code pattern}, a reference cycle that never reaches a
 * value, or nesting deeper than the schema limit.
 */
public class InvalidSchemaException extends ReverieException {
  public InvalidSchemaException(String message) {
    super(message);
  }

  public InvalidSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
