package dev.reverie.internal.sse;

import java.util.Objects;

/**
 * One event of a {@code text/event-stream} body in its detached, immutable form: what {@link
 * SseReader#next()} returns, and what a test builds to feed a decoder.
 *
 * @param event the {@code event:} field, or {@code ""} when the event had none
 * @param data the {@code data:} lines joined with {@code "\n"}
 * @param id the last event id seen so far in the stream (ids persist across events, as in the
 *     WHATWG rules), or {@code ""} when none was sent
 * @param lineNumber the 1-based line of the stream where this event's first field was, for error
 *     messages
 */
public record ServerSentEvent(String event, String data, String id, long lineNumber)
    implements SseEvent {
  public ServerSentEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(id, "id");
  }

  /** {@inheritDoc} A new array on every call: this form is not meant for hot paths. */
  @Override
  public byte[] dataArray() {
    return SseEvent.utf8(data);
  }

  @Override
  public int dataOffset() {
    return 0;
  }

  @Override
  public int dataLength() {
    return SseEvent.utf8(data).length;
  }

  @Override
  public ServerSentEvent detach() {
    return this;
  }
}
