package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.internal.json.EventParser;
import dev.reverie.internal.json.Json;
import java.io.IOException;

/**
 * One Messages API stream event as the decoder needs it, read with one Jackson streaming parser for
 * the whole stream ({@link EventParser}) straight from the event's bytes, and reused from event to
 * event: the scalars it routes on ({@code type}, {@code index}, the {@code delta}'s {@code type},
 * {@code text}, {@code thinking}, {@code signature}, {@code partial_json}, {@code stop_reason},
 * {@code stop_sequence}) and, only for the rare objects it reads whole ({@code content_block},
 * {@code message.usage}, {@code usage}, {@code error}), a tree. Everything else is skipped without
 * being decoded, so a text or tool-input delta costs its string and nothing more: known type names
 * are matched without a copy. Fields may come in any order. Not thread-safe.
 */
final class AnthropicEvent {
  static final String MESSAGE_START = "message_start";
  static final String BLOCK_START = "content_block_start";
  static final String BLOCK_DELTA = "content_block_delta";
  static final String BLOCK_STOP = "content_block_stop";
  static final String MESSAGE_DELTA = "message_delta";
  static final String MESSAGE_STOP = "message_stop";
  static final String PING = "ping";
  static final String ERROR = "error";

  static final String TEXT_DELTA = "text_delta";
  static final String INPUT_JSON_DELTA = "input_json_delta";
  static final String THINKING_DELTA = "thinking_delta";
  static final String SIGNATURE_DELTA = "signature_delta";
  static final String CITATIONS_DELTA = "citations_delta";

  // Most frequent first.
  private static final String[] EVENT_TYPES = {
    BLOCK_DELTA, BLOCK_START, BLOCK_STOP, PING, MESSAGE_START, MESSAGE_DELTA, MESSAGE_STOP, ERROR
  };
  private static final String[] DELTA_TYPES = {
    TEXT_DELTA, INPUT_JSON_DELTA, THINKING_DELTA, SIGNATURE_DELTA, CITATIONS_DELTA
  };

  /** The event's data is JSON but not one object. */
  static final class NotAnObjectException extends Exception {
    NotAnObjectException() {
      super(null, null, false, false);
    }
  }

  private final EventParser events = new EventParser();

  /** The event's {@code type}, or "" when it has none. */
  String type = "";

  /** Whether the event has a block index that fits an {@code int}. */
  boolean hasIndex;

  /** The block index, when {@link #hasIndex}. */
  int index;

  /** The {@code delta} object's {@code type}, or "". */
  String deltaType = "";

  /**
   * The {@code delta}'s {@code text}, {@code thinking}, {@code signature}, {@code partial_json}.
   */
  String text = "";

  String thinking = "";
  String signature = "";
  String partialJson = "";

  String stopReason = "";
  String stopSequence = "";
  JsonNode contentBlock;
  JsonNode messageUsage;
  JsonNode usage;
  JsonNode error;

  /**
   * Reads one event's JSON data, replacing what the previous event left.
   *
   * @return false when the data is only whitespace (nothing to decode)
   * @throws NotAnObjectException when the data is JSON but not one object
   * @throws IOException when the data is not valid JSON (including an object cut short); the stream
   *     must not be read again
   */
  boolean read(byte[] data, int offset, int length) throws IOException, NotAnObjectException {
    if (EventParser.isBlank(data, offset, length)) return false;
    type = "";
    hasIndex = false;
    index = 0;
    deltaType = "";
    text = "";
    thinking = "";
    signature = "";
    partialJson = "";
    stopReason = "";
    stopSequence = "";
    contentBlock = null;
    messageUsage = null;
    usage = null;
    error = null;
    JsonParser parser = events.start(data, offset, length);
    if (parser.nextToken() != JsonToken.START_OBJECT) throw new NotAnObjectException();
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next(parser);
      switch (name) {
        case "type" -> {
          if (value == JsonToken.VALUE_STRING) type = known(parser, EVENT_TYPES);
        }
        case "index" -> index(parser, value);
        case "delta" -> {
          if (value == JsonToken.START_OBJECT) delta(parser);
          else parser.skipChildren();
        }
        case "content_block" -> contentBlock = tree(parser, value);
        case "message" -> {
          if (value == JsonToken.START_OBJECT) message(parser);
          else parser.skipChildren();
        }
        case "usage" -> usage = tree(parser, value);
        case "error" -> error = tree(parser, value);
        default -> parser.skipChildren();
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT || !events.restIsWhitespace()) {
      throw new NotAnObjectException();
    }
    return true;
  }

  private void delta(JsonParser parser) throws IOException {
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next(parser);
      switch (name) {
        case "type" -> {
          if (value == JsonToken.VALUE_STRING) deltaType = known(parser, DELTA_TYPES);
        }
        case "text" -> text = scalar(parser, value);
        case "thinking" -> thinking = scalar(parser, value);
        case "signature" -> signature = scalar(parser, value);
        case "partial_json" -> partialJson = scalar(parser, value);
        case "stop_reason" -> stopReason = scalar(parser, value);
        case "stop_sequence" -> stopSequence = scalar(parser, value);
        default -> parser.skipChildren();
      }
    }
  }

  /** An integer index, or a number with an integer part that fits an {@code int}. */
  private void index(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == NumberType.INT) {
      index = parser.getIntValue();
      hasIndex = true;
    } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
      double number = parser.getDoubleValue();
      if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
        index = (int) number;
        hasIndex = true;
      }
    } else {
      parser.skipChildren();
    }
  }

  /** Only {@code message.usage} is read; the rest of {@code message_start}'s message is skipped. */
  private void message(JsonParser parser) throws IOException {
    while (next(parser) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next(parser);
      if (name.equals("usage")) messageUsage = tree(parser, value);
      else parser.skipChildren();
    }
  }

  /** The next token inside the object; the event ending there is an error. */
  private static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) throw new JsonParseException(parser, "the JSON object is cut short");
    return token;
  }

  private static String scalar(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) return "";
    if (!value.isScalarValue()) {
      parser.skipChildren();
      return "";
    }
    return parser.getText();
  }

  private static JsonNode tree(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) return null;
    return Json.MAPPER.readTree(parser);
  }

  /** The known constant equal to the current string, or a copy of any other string. */
  private static String known(JsonParser parser, String[] names) throws IOException {
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    for (String name : names) {
      if (equal(name, chars, offset, length)) return name;
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
