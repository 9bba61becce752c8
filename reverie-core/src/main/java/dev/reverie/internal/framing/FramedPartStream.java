package dev.reverie.internal.framing;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import dev.reverie.internal.sse.SseEvent;
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
 * A {@link PartStream} that reads frames from an HTTP response only as the consumer pulls, decoding
 * each with a {@link FrameDecoder}. No background thread; closing closes the response, which aborts
 * the exchange.
 *
 * @param <F> the frame type
 */
public final class FramedPartStream<F> implements PartStream {
  private final HttpResponse response;
  private final FrameDecoder<F> decoder;
  private final ArrayDeque<StreamPart> pending = new ArrayDeque<>();
  // One consumer for every event, rather than a new method reference per event.
  private final Consumer<StreamPart> emit = pending::add;
  private final FrameReader<F> reader;
  private volatile boolean closed;
  private boolean iterated;

  /**
   * Reads {@code response}'s body with {@code reader}, starting with {@code initialParts} (e.g. the
   * stream start with warnings).
   */
  public FramedPartStream(
      HttpResponse response,
      FrameReader<F> reader,
      FrameDecoder<F> decoder,
      List<StreamPart> initialParts) {
    this.response = response;
    this.reader = reader;
    this.decoder = decoder;
    pending.addAll(initialParts);
  }

  /** A stream of the newline-delimited JSON lines of {@code response}'s body (Ollama). */
  public static FramedPartStream<JsonLine> ndjson(
      HttpResponse response, FrameDecoder<JsonLine> decoder, List<StreamPart> initialParts) {
    return new FramedPartStream<>(
        response, new NdjsonReader(response.body()), decoder, initialParts);
  }

  /** A stream of the AWS event-stream messages of {@code response}'s body (Bedrock). */
  public static FramedPartStream<EventStreamMessage> eventStream(
      HttpResponse response,
      FrameDecoder<EventStreamMessage> decoder,
      List<StreamPart> initialParts) {
    return new FramedPartStream<>(
        response, new EventStreamReader(response.body()), decoder, initialParts);
  }

  /** A stream of the server-sent events of {@code response}'s body. */
  public static FramedPartStream<SseEvent> sse(
      HttpResponse response, FrameDecoder<SseEvent> decoder, List<StreamPart> initialParts) {
    return new FramedPartStream<>(response, new SseReader(response.body()), decoder, initialParts);
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
      try {
        if (!read) {
          decoder.onEnd(emit);
          break;
        }
        decoder.onFrame(reader.current(), emit);
      } catch (ReverieException e) {
        decoder.onFailure(e, emit);
        break;
      } catch (RuntimeException e) {
        // A decoder or dialect bug must still end the stream with a typed error part, not escape
        // from hasNext() with the exchange left open.
        decoder.onFailure(
            new StreamProtocolException(
                "decoding the stream failed: "
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage(),
                e),
            emit);
        break;
      }
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
