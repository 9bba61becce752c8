package dev.reverie.codec.chat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chunks of one chat-completions stream, each straight from the UTF-8 bytes of one SSE
 * event, with a single Jackson streaming parser kept for the whole stream.
 *
 * <p>Why one parser: a long answer has hundreds of thousands of chunks of a few hundred bytes, and
 * a new Jackson parser per chunk (parser, I/O context, text buffer, symbol table and nesting
 * contexts, about 800 B) cost as much as reading the chunk. Jackson's blocking parser reads one
 * root-level value after another from a stream; {@link EventInput} hands it the current event's
 * bytes and nothing more, so it never reads ahead into an event that has not arrived. Skipped
 * fields are not decoded.
 *
 * <p>Each event must hold exactly one JSON object: anything after it, or an object cut short (the
 * parser then sees the end of its input), is an error, after which this reader must not be used
 * again (the stream has failed anyway).
 *
 * <p>Measured (1 MB answer, 262,296 chunks): a blocking parser made per chunk was faster than one
 * non-blocking parser fed event after event in memory, but slower end to end and 800 B per chunk
 * heavier; this keeps the blocking parser's speed without its per-chunk objects.
 *
 * <p>Not thread-safe; one per stream.
 */
final class ChatChunkReader {
  private final java.util.Set<String> extraFields;
  private final EventInput input = new EventInput();
  private final TrailingBytes trailing = new TrailingBytes();
  // Made with the first event: Jackson reads the first bytes at once to detect the encoding.
  private JsonParser parser;

  /** A reader that keeps no fields beyond the standard ones. */
  ChatChunkReader() {
    this(java.util.Set.of());
  }

  /**
   * @param extraFields names of further fields, of the chunk or of a choice, to keep as trees (e.g.
   *     OpenRouter's {@code provider} and {@code native_finish_reason}); others are skipped
   */
  ChatChunkReader(java.util.Set<String> extraFields) {
    this.extraFields = java.util.Set.copyOf(extraFields);
  }

  /** Thrown for an event that is not one JSON object. */
  static final class NotAnObjectException extends IOException {
    NotAnObjectException() {
      super("not a JSON object");
    }
  }

  /**
   * Reads the chunk in {@code bytes[offset, offset + length)}. With {@code withIdentity} false the
   * chunk's {@code id} and {@code model} are skipped (returned empty): the stream needs them once.
   *
   * @throws NotAnObjectException when the event holds something other than one JSON object
   * @throws IOException when the event is not valid JSON (including an object cut short)
   */
  ChatChunk read(byte[] bytes, int offset, int length, boolean withIdentity) throws IOException {
    // Blank data would read as the end of the input, after which the parser reads no more.
    if (isBlank(bytes, offset, length)) throw new NotAnObjectException();
    input.set(bytes, offset, length);
    if (parser == null) parser = Json.STREAM_FACTORY.createParser(input);
    JsonToken first;
    try {
      first = parser.nextToken();
    } catch (JsonParseException e) {
      throw new NotAnObjectException();
    }
    if (first != JsonToken.START_OBJECT) throw new NotAnObjectException();
    String id = "";
    String model = "";
    JsonNode error = NullNode.getInstance();
    JsonNode usage = NullNode.getInstance();
    List<ChatChunk.Choice> choices = List.of();
    ObjectNode extras = null;
    while (next() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next();
      switch (name) {
        case "id" -> id = withIdentity ? text(value) : skip(id);
        case "model" -> model = withIdentity ? text(value) : skip(model);
        case "error" -> error = tree(value);
        case "usage" -> usage = tree(value);
        case "choices" -> choices = value == JsonToken.START_ARRAY ? choices() : skip(choices);
        default -> {
          if (extraFields.contains(name)) {
            if (extras == null) extras = Json.MAPPER.createObjectNode();
            extras.set(name, tree(value));
          } else {
            parser.skipChildren();
          }
        }
      }
    }
    expect(JsonToken.END_OBJECT);
    // The object ended: what the event holds after it, in the parser's buffer or not yet read,
    // must be whitespace (which the parser skips before the next event's object).
    trailing.reset();
    parser.releaseBuffered(trailing);
    input.rest(trailing);
    if (trailing.other) throw new NotAnObjectException();
    return new ChatChunk(
        id, model, error, usage, choices, extras == null ? NullNode.getInstance() : extras);
  }

  private List<ChatChunk.Choice> choices() throws IOException {
    List<ChatChunk.Choice> out = null;
    ChatChunk.Choice only = null;
    JsonToken token;
    while ((token = next()) == JsonToken.START_OBJECT) {
      ChatChunk.Choice choice = choice();
      if (only == null && out == null) {
        only = choice;
      } else {
        if (out == null) {
          out = new ArrayList<>(2);
          out.add(only);
        }
        out.add(choice);
      }
    }
    expect(JsonToken.END_ARRAY); // an entry that is not an object is an error
    return out != null ? List.copyOf(out) : only != null ? List.of(only) : List.of();
  }

  private ChatChunk.Choice choice() throws IOException {
    int index = 0;
    String content = "";
    String refusal = "";
    ObjectNode rest = null;
    String finishReason = "";
    ObjectNode extras = null;
    while (next() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = next();
      switch (name) {
        case "index" -> index = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : 0;
        case "delta" -> {
          if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            break;
          }
          while (next() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken fieldValue = next();
            if (field.equals("content") && fieldValue.isScalarValue()) {
              content = text(fieldValue);
            } else if (field.equals("refusal") && fieldValue.isScalarValue()) {
              refusal = text(fieldValue);
            } else if (field.equals("role")) {
              parser.skipChildren();
            } else {
              if (rest == null) rest = Json.MAPPER.createObjectNode();
              rest.set(field, Json.MAPPER.readTree(parser));
            }
          }
          expect(JsonToken.END_OBJECT);
        }
        case "finish_reason" ->
            finishReason = value == JsonToken.VALUE_STRING ? parser.getText() : skip("");
        default -> {
          if (extraFields.contains(name)) {
            if (extras == null) extras = Json.MAPPER.createObjectNode();
            extras.set(name, tree(value));
          } else {
            parser.skipChildren();
          }
        }
      }
    }
    expect(JsonToken.END_OBJECT);
    return new ChatChunk.Choice(
        index,
        content,
        refusal,
        rest == null ? NullNode.getInstance() : rest,
        finishReason,
        extras == null ? NullNode.getInstance() : extras);
  }

  /** The next token inside the object; the event ending there is an error. */
  private JsonToken next() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) throw new JsonParseException(parser, "the JSON object is cut short");
    return token;
  }

  private static boolean isBlank(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (!Json.isWhitespace(bytes[i])) return false;
    }
    return true;
  }

  private void expect(JsonToken token) throws IOException {
    if (parser.currentToken() != token) {
      throw new JsonParseException(
          parser, "expected " + token + " but found " + parser.currentToken());
    }
  }

  private String text(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) return "";
    if (!value.isScalarValue()) {
      parser.skipChildren();
      return "";
    }
    return parser.getText();
  }

  private JsonNode tree(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) return NullNode.getInstance();
    JsonNode node = Json.MAPPER.readTree(parser);
    return node == null ? NullNode.getInstance() : node;
  }

  private <T> T skip(T fallback) throws IOException {
    parser.skipChildren();
    return fallback;
  }

  /**
   * The bytes of the current event, and nothing after them: past its end, reads report the end of
   * the input until the next event is set.
   */
  private static final class EventInput extends InputStream {
    private byte[] bytes = new byte[0];
    private int position;
    private int end;

    void set(byte[] bytes, int offset, int length) {
      this.bytes = bytes;
      this.position = offset;
      this.end = offset + length;
    }

    /** Hands the bytes not read yet to {@code out}, as if read. */
    void rest(OutputStream out) throws IOException {
      if (position < end) out.write(bytes, position, end - position);
      position = end;
    }

    @Override
    public int read() {
      return position < end ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) return 0;
      if (position >= end) return -1;
      int count = Math.min(length, end - position);
      System.arraycopy(bytes, position, into, offset, count);
      position += count;
      return count;
    }
  }

  /** Receives the bytes left after the object and notes whether any is not JSON whitespace. */
  private static final class TrailingBytes extends OutputStream {
    boolean other;

    void reset() {
      other = false;
    }

    @Override
    public void write(int b) {
      if (!Json.isWhitespace(b)) other = true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) write(bytes[i]);
    }
  }
}
