package dev.reverie.stream;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed model answer: single-use, pull-based, closeable.
 *
 * <p>Iterate once; each {@link #iterator()} call after the first throws. Parts are read from the
 * network as the iterator is advanced; nothing runs in the background. Closing aborts the HTTP
 * exchange; it is idempotent and safe to call from another thread; a stream closed before its end
 * then yields one final {@link Error} part with a {@link dev.reverie.error.CancelledException}. A
 * failure is delivered as a final {@link Error} part, never thrown from {@code hasNext()}.
 */
public interface PartStream extends Iterable<StreamPart>, AutoCloseable {

  @Override
  void close();

  /**
   * The parts as a sequential {@link Stream}, read as the stream is consumed; closing the {@code
   * Stream} (try-with-resources) closes this part stream. Uses up the single iteration.
   */
  default Stream<StreamPart> stream() {
    Spliterator<StreamPart> parts =
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(parts, false).onClose(this::close);
  }

  /**
   * The parts as a {@link Flow.Publisher} for one subscriber: each part is read on {@code executor}
   * only once the subscriber has requested it, and cancelling closes this stream. A failure arrives
   * as a final {@link Error} part followed by {@code onComplete}, as in iteration. Uses up the
   * single iteration once subscribed to.
   */
  default Flow.Publisher<StreamPart> publisher(Executor executor) {
    return new IterablePublisher<>(this, this, executor);
  }

  /** A stream over an iterator, running {@code onClose} once when closed. */
  static PartStream of(Iterator<StreamPart> parts, Runnable onClose) {
    return new PartStream() {
      private boolean iterated;
      private boolean closed;

      @Override
      public synchronized Iterator<StreamPart> iterator() {
        if (iterated) throw new IllegalStateException("a stream can be iterated only once");
        iterated = true;
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return parts.hasNext();
          }

          @Override
          public StreamPart next() {
            if (!hasNext()) throw new NoSuchElementException();
            return parts.next();
          }
        };
      }

      @Override
      public void close() {
        synchronized (this) {
          if (closed) return;
          closed = true;
        }
        onClose.run();
      }
    };
  }
}
