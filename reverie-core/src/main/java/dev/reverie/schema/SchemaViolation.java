package dev.reverie.schema;

import java.util.Objects;

/**
 * One way in which a JSON value breaks its schema, reported by {@link SchemaValidator}.
 *
 * @param path where, as a JSON Pointer ({@code ""} is the whole value, {@code /author/name} a
 *     nested property, {@code /genres/0} an array element)
 * @param message what is wrong, e.g. {@code expected integer but got string}
 */
public record SchemaViolation(String path, String message) {
  public SchemaViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** The violation as one line, e.g. {@code /published_year: expected integer but got string}. */
  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + ": " + message;
  }
}
