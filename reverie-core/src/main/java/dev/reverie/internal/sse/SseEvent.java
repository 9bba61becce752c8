package dev.reverie.internal.sse;

import dev.reverie.internal.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * One dispatched event of a {@code text/event-stream} body, as a decoder reads it.
 *
 * <p>Its data is offered both as text ({@link #data()}) and as the UTF-8 bytes that carried it
 * ({@link #dataArray()}, {@link #dataOffset()}, {@link #dataLength()}), so that a decoder with a
 * byte-level JSON parser can read it without decoding it to a {@code String} first. For {@link
 * SseReader#current()} the bytes may be a view of the reader's buffer: they, and the event itself,
 * are valid only until the reader advances. {@link ServerSentEvent} is the detached, immutable
 * form.
 */
public interface SseEvent {
  /** The {@code event:} field, or {@code ""} when the event had none. */
  String event();

  /** The {@code data:} lines joined with {@code "\n"}. */
  String data();

  /** The last event id seen so far in the stream, or {@code ""} when none was sent. */
  String id();

  /** The 1-based line of the stream where this event's first field was, for error messages. */
  long lineNumber();

  /** The array holding the UTF-8 bytes of {@link #data()}; read only the range given. */
  byte[] dataArray();

  /** Where the data starts in {@link #dataArray()}. */
  int dataOffset();

  /** How many bytes of {@link #dataArray()} the data has. */
  int dataLength();

  /**
   * Whether the data, without surrounding ASCII whitespace, is exactly {@code ascii} — e.g. the
   * OpenAI end marker {@code [DONE]} — compared on the bytes, without decoding them.
   */
  default boolean dataIs(String ascii) {
    byte[] bytes = dataArray();
    int from = dataOffset();
    int to = from + dataLength();
    while (from < to && Json.isWhitespace(bytes[from])) from++;
    while (to > from && Json.isWhitespace(bytes[to - 1])) to--;
    if (to - from != ascii.length()) return false;
    for (int i = 0; i < ascii.length(); i++) {
      if (bytes[from + i] != ascii.charAt(i)) return false;
    }
    return true;
  }

  /** Whether the data is the OpenAI-style end marker {@code [DONE]}. */
  default boolean isDoneMarker() {
    return dataIs("[DONE]");
  }

  /** An immutable copy that stays valid after the reader advances. */
  default ServerSentEvent detach() {
    return new ServerSentEvent(event(), data(), id(), lineNumber());
  }

  /** The UTF-8 bytes of a string, for events that hold their data as text. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
