package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.internal.http.ErrorBodyParser;
import dev.reverie.internal.json.Json;

/**
 * Reads Anthropic error bodies: {@code {"type": "error", "error": {"type": ..., "message": ...}}}.
 * Anything else (an HTML page from a proxy, plain text) becomes the message as-is.
 */
public final class AnthropicErrorParser implements ErrorBodyParser {
  @Override
  public ParsedError parse(String body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (Exception notJson) {
      return new ParsedError("", body.strip());
    }
    if (root == null || !root.isObject()) return new ParsedError("", body.strip());
    JsonNode error = root.path("error");
    if (error.isTextual()) return new ParsedError("", error.asText());
    if (!error.isObject()) error = root;
    String message = Json.text(error, "message");
    return new ParsedError(Json.text(error, "type"), message.isEmpty() ? body.strip() : message);
  }
}
