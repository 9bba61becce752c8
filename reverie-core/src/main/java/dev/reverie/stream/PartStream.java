package dev.reverie.stream;

import java.util.Iterator;
import java.util.NoSuchElementException;

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
