package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.internal.http.ErrorBodyParser;
import dev.reverie.internal.json.Json;

/** Reads OpenAI-style error bodies: {@code {"error":{"message","type","code"}}}. */
public final class ChatErrorParser implements ErrorBodyParser {
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
