package dev.reverie.codec.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.internal.http.ErrorBodyParser;
import dev.reverie.internal.json.Json;

/**
 * Reads Google API error bodies: {@code {"error": {"code": 400, "message": ..., "status":
 * "INVALID_ARGUMENT"}}}, also wrapped in an array as some Google front ends send it. The type is
 * the {@code status}. Anything else becomes the message as-is.
 */
public final class GeminiErrorParser implements ErrorBodyParser {
  @Override
  public ParsedError parse(String body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (Exception notJson) {
      return new ParsedError("", body.strip());
    }
    if (root != null && root.isArray() && !root.isEmpty()) root = root.get(0);
    if (root == null || !root.isObject()) return new ParsedError("", body.strip());
    JsonNode error = root.path("error");
    if (!error.isObject()) return new ParsedError("", body.strip());
    String message = Json.text(error, "message");
    return new ParsedError(Json.text(error, "status"), message.isEmpty() ? body.strip() : message);
  }
}
