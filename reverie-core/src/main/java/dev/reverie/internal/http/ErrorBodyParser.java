package dev.reverie.internal.http;

/** Reads a provider's error body into a type and a message; one per wire format. */
@FunctionalInterface
public interface ErrorBodyParser {
  /** The type and message in {@code body}, or type empty and message = the body as-is. */
  ParsedError parse(String body);

  /** An error type and message taken from an error body. */
  record ParsedError(String type, String message) {}
}
