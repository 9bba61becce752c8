package dev.reverie.internal.stream;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.TransportException;
import dev.reverie.internal.sse.SseReader;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.transport.HttpResponse;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A {@link PartStream} that reads SSE events from an HTTP response only as the consumer pulls,
 * decoding each with an {@link EventDecoder}. No background thread; closing closes the response,
 * which aborts the exchange.
 */
public final class SsePartStream implements PartStream {
  private final HttpResponse response;
  private final EventDecoder decoder;
  private final ArrayDeque<StreamPart> pending = new ArrayDeque<>();
  // One consumer for every event, rather than a new method reference per event.
  private final Consumer<StreamPart> emit = pending::add;
  private final SseReader reader;
  private volatile boolean closed;
  private boolean iterated;

  /** Starts with {@code initialParts} (e.g. the stream start with warnings). */
  public SsePartStream(HttpResponse response, EventDecoder decoder, List<StreamPart> initialParts) {
    this.response = response;
    this.decoder = decoder;
    this.reader = new SseReader(response.body());
    pending.addAll(initialParts);
  }

  @Override
  public synchronized Iterator<StreamPart> iterator() {
    if (iterated) throw new IllegalStateException("a stream can be iterated only once");
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        fill();
        return !pending.isEmpty();
      }

      @Override
      public StreamPart next() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending.poll();
      }
    };
  }

  private void fill() {
    while (pending.isEmpty() && !decoder.isDone() && !closed) {
      boolean read;
      try {
        read = reader.advance();
      } catch (ReverieException e) {
        if (closed) break;
        decoder.onFailure(e, emit);
        break;
      } catch (RuntimeException e) {
        if (closed) break;
        decoder.onFailure(
            new TransportException("reading the stream failed: " + e.getMessage(), e), emit);
        break;
      }
      if (!read) {
        decoder.onEnd(emit);
        break;
      }
      decoder.onEvent(reader.current(), emit);
    }
    if (closed && !decoder.isDone()) {
      // Closed before the end: say so, rather than let a cut-short stream look finished.
      decoder.onFailure(new CancelledException("the stream was closed before it finished"), emit);
    }
    if (decoder.isDone() && pending.isEmpty()) close();
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    response.close();
  }
}
