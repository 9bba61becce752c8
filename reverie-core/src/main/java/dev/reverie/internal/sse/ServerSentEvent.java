package dev.reverie.internal.sse;

import java.util.Objects;

/**
 * One event of a {@code text/event-stream} body, as dispatched by {@link SseReader}.
 *
 * @param event the {@code event:} field, or {@code ""} when the event had none
 * @param data the {@code data:} lines joined with {@code "\n"}
 * @param id the last event id seen so far in the stream (ids persist across events, as in the
 *     WHATWG rules), or {@code ""} when none was sent
 * @param lineNumber the 1-based line of the stream where this event's first field was, for error
 *     messages
 */
public record ServerSentEvent(String event, String data, String id, long lineNumber) {
  public ServerSentEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(id, "id");
  }

  /** Whether this is the OpenAI-style end marker {@code data: [DONE]}. */
  public boolean isDoneMarker() {
    return "[DONE]".equals(data);
  }
}
