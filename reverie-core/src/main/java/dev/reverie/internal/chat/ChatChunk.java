package dev.reverie.internal.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of one chat-completions stream chunk that matter, read with Jackson's streaming parser:
 * the chunk's other fields ({@code object}, {@code created}, {@code system_fingerprint}, {@code
 * obfuscation}…) are skipped without building nodes, since a long answer has hundreds of thousands
 * of chunks.
 *
 * @param id the chunk id, or empty
 * @param model the model, or empty
 * @param error the {@code error} value, or {@link NullNode} when absent or null
 * @param usage the {@code usage} object, or {@link NullNode}
 * @param choices each choice's index, delta and finish reason
 */
record ChatChunk(String id, String model, JsonNode error, JsonNode usage, List<Choice> choices) {

  /**
   * One entry of {@code choices}. The delta's {@code content} and {@code refusal} strings, the
   * fields nearly every chunk has, are read directly; any other delta fields (tool calls,
   * annotations, reasoning) are kept as a tree in {@code deltaRest}, {@link NullNode} when none.
   */
  record Choice(
      int index, String content, String refusal, JsonNode deltaRest, String finishReason) {}

  /** Thrown for text that is not one JSON object. */
  static final class NotAnObjectException extends IOException {
    NotAnObjectException() {
      super("not a JSON object");
    }
  }

  static ChatChunk parse(String data) throws IOException {
    try (JsonParser p = Json.MAPPER.createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new NotAnObjectException();
      String id = "";
      String model = "";
      JsonNode error = NullNode.getInstance();
      JsonNode usage = NullNode.getInstance();
      List<Choice> choices = List.of();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "id" -> id = value == JsonToken.VALUE_NULL ? "" : p.getText();
          case "model" -> model = value == JsonToken.VALUE_NULL ? "" : p.getText();
          case "error" -> error = p.readValueAsTree();
          case "usage" -> usage = p.readValueAsTree();
          case "choices" -> choices = value == JsonToken.START_ARRAY ? choices(p) : skip(p);
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) throw new NotAnObjectException();
      if (p.nextToken() != null) throw new NotAnObjectException();
      return new ChatChunk(id, model, orNull(error), orNull(usage), choices);
    }
  }

  private static List<Choice> skip(JsonParser p) throws IOException {
    p.skipChildren();
    return List.of();
  }

  private static List<Choice> choices(JsonParser p) throws IOException {
    var out = new ArrayList<Choice>(1);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      int index = 0;
      String content = "";
      String refusal = "";
      ObjectNode rest = null;
      String finishReason = "";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "index" -> index = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
          case "delta" -> {
            if (value != JsonToken.START_OBJECT) {
              p.skipChildren();
              break;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String field = p.currentName();
              JsonToken fieldValue = p.nextToken();
              if (field.equals("content")
                  && fieldValue != JsonToken.START_OBJECT
                  && fieldValue != JsonToken.START_ARRAY) {
                content = fieldValue == JsonToken.VALUE_NULL ? "" : p.getText();
              } else if (field.equals("refusal")
                  && fieldValue != JsonToken.START_OBJECT
                  && fieldValue != JsonToken.START_ARRAY) {
                refusal = fieldValue == JsonToken.VALUE_NULL ? "" : p.getText();
              } else if (field.equals("role")) {
                p.skipChildren();
              } else {
                if (rest == null) rest = Json.MAPPER.createObjectNode();
                rest.set(field, p.readValueAsTree());
              }
            }
          }
          case "finish_reason" -> finishReason = value == JsonToken.VALUE_STRING ? p.getText() : "";
          default -> p.skipChildren();
        }
      }
      out.add(
          new Choice(
              index, content, refusal, rest == null ? NullNode.getInstance() : rest, finishReason));
    }
    return out;
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? NullNode.getInstance() : node;
  }
}
