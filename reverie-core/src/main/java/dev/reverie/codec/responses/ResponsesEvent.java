package dev.reverie.codec.responses;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.internal.json.EventParser;
import dev.reverie.internal.json.Json;
import java.io.IOException;

/**
 * One Responses stream event as the decoder needs it, read with one Jackson streaming parser for
 * the whole stream ({@link EventParser}) and reused from event to event: the scalars it routes on
 * ({@code type}, {@code delta}, {@code item_id}…) and, only for the few objects it reads ({@code
 * item}, {@code response}, {@code annotation}, {@code error}), a tree. Everything else ({@code
 * obfuscation}, {@code logprobs}, {@code part}…) is skipped without being decoded, so a text delta
 * costs the delta string and nothing more: the type is matched against the known names without a
 * copy, and an item id equal to the previous one is reused. Not thread-safe.
 */
final class ResponsesEvent {
  static final String CREATED = "response.created";
  static final String ITEM_ADDED = "response.output_item.added";
  static final String ITEM_DONE = "response.output_item.done";
  static final String TEXT_DELTA = "response.output_text.delta";
  static final String ANNOTATION_ADDED = "response.output_text.annotation.added";
  static final String REFUSAL_DELTA = "response.refusal.delta";
  static final String ARGUMENTS_DELTA = "response.function_call_arguments.delta";
  static final String SUMMARY_PART_ADDED = "response.reasoning_summary_part.added";
  static final String SUMMARY_TEXT_DELTA = "response.reasoning_summary_text.delta";
  static final String COMPLETED = "response.completed";
  static final String INCOMPLETE = "response.incomplete";
  static final String FAILED = "response.failed";
  static final String ERROR = "error";

  // The types the decoder acts on, most frequent first; any other type is read as "".
  private static final String[] KNOWN = {
    TEXT_DELTA,
    SUMMARY_TEXT_DELTA,
    ARGUMENTS_DELTA,
    ITEM_ADDED,
    ITEM_DONE,
    ANNOTATION_ADDED,
    SUMMARY_PART_ADDED,
    REFUSAL_DELTA,
    CREATED,
    COMPLETED,
    INCOMPLETE,
    FAILED,
    ERROR
  };

  /** The event's data is JSON but not an object. */
  static final class NotAnObjectException extends Exception {
    NotAnObjectException() {
      super(null, null, false, false);
    }
  }

  private final EventParser events = new EventParser();

  String type = "";
  String delta = "";
  String itemId = "";
  String code = "";
  String message = "";
  JsonNode item;
  JsonNode response;
  JsonNode annotation;
  JsonNode error;

  /**
   * Reads one event's JSON data, replacing what the previous event left.
   *
   * @return false when the data is only whitespace (nothing to decode)
   */
  boolean read(byte[] data, int offset, int length) throws IOException, NotAnObjectException {
    type = "";
    delta = "";
    code = "";
    message = "";
    item = null;
    response = null;
    annotation = null;
    error = null;
    String previousItemId = itemId;
    itemId = "";
    // When the type comes first (it does), objects the event's type does not need are skipped.
    boolean typeSeen = false;
    if (EventParser.isBlank(data, offset, length)) return false;
    JsonParser parser = events.start(data, offset, length);
    if (parser.nextToken() != JsonToken.START_OBJECT) throw new NotAnObjectException();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "type" -> {
          if (value == JsonToken.VALUE_STRING) {
            type = knownType(parser);
            typeSeen = true;
          }
        }
        case "delta" -> {
          if (value == JsonToken.VALUE_STRING) delta = parser.getText();
        }
        case "item_id" -> {
          if (value == JsonToken.VALUE_STRING) itemId = reuse(previousItemId, parser);
        }
        case "code" -> {
          if (value.isScalarValue() && value != JsonToken.VALUE_NULL) code = parser.getText();
        }
        case "message" -> {
          if (value == JsonToken.VALUE_STRING) message = parser.getText();
        }
        case "item" -> {
          if (!typeSeen || type.equals(ITEM_ADDED) || type.equals(ITEM_DONE)) {
            item = tree(parser, value);
          } else {
            parser.skipChildren();
          }
        }
        case "response" -> {
          // created and in_progress repeat the request; only the terminal events are read
          if (!typeSeen
              || type.equals(COMPLETED)
              || type.equals(INCOMPLETE)
              || type.equals(FAILED)) {
            response = tree(parser, value);
          } else {
            parser.skipChildren();
          }
        }
        case "annotation" -> annotation = tree(parser, value);
        case "error" -> error = tree(parser, value);
        default -> parser.skipChildren();
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT || !events.restIsWhitespace()) {
      throw new NotAnObjectException();
    }
    return true;
  }

  private static JsonNode tree(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    return Json.MAPPER.readTree(parser);
  }

  /** The known type constant equal to the current string, or "" for any other type. */
  private static String knownType(JsonParser parser) throws IOException {
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    for (String known : KNOWN) {
      if (equal(known, chars, offset, length)) return known;
    }
    return "";
  }

  private static String reuse(String previous, JsonParser parser) throws IOException {
    if (equal(
        previous, parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())) {
      return previous;
    }
    return parser.getText();
  }

  private static boolean equal(String text, char[] chars, int offset, int length) {
    if (text.length() != length) return false;
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) return false;
    }
    return true;
  }
}
