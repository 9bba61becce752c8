package dev.reverie.codec.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.internal.http.ErrorBodyParser;
import dev.reverie.internal.json.Json;

/** Reads Responses API error bodies: {@code {"error":{"message","type","code"}}}. */
final class ResponsesErrorParser implements ErrorBodyParser {
  @Override
  public ParsedError parse(String body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (Exception notJson) {
      return new ParsedError("", body.strip());
    }
    if (root == null) return new ParsedError("", "");
    JsonNode error = root.path("error");
    if (error.isTextual()) return new ParsedError("", error.asText());
    if (!error.isObject()) error = root;
    String type = Json.text(error, "type");
    if (type.isEmpty()) type = Json.text(error, "code");
    return new ParsedError(type, Json.text(error, "message"));
  }
}
