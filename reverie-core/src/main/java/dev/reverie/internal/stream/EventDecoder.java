package dev.reverie.internal.stream;

import dev.reverie.error.ReverieException;
import dev.reverie.internal.sse.SseEvent;
import dev.reverie.stream.StreamPart;
import java.util.function.Consumer;

/** A provider's stateful decoder of one SSE stream into stream parts. */
public interface EventDecoder {
  /**
   * Decodes one event into zero or more parts. The event is valid only during this call (the reader
   * reuses it and its buffer): keep what is needed, not the event.
   */
  void onEvent(SseEvent event, Consumer<StreamPart> out);

  /** The body ended: emit the terminal part (a finish, or an error if the stream was cut short). */
  void onEnd(Consumer<StreamPart> out);

  /** Emit a terminal error part. */
  void onFailure(ReverieException error, Consumer<StreamPart> out);

  /** Whether a terminal part was emitted. */
  boolean isDone();
}
