package dev.reverie.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Flow;

/**
 * A response body as an {@link InputStream} fed by the JDK client's body publisher, one list of
 * buffers requested at a time.
 *
 * <p>Why not the JDK's own {@code BodyHandlers.ofInputStream()}: its blocking read swallows
 * interrupts (it catches the {@link InterruptedException} and waits again, clearing the flag), so a
 * thread blocked on a silent server could not be interrupted. Here a blocked read answers an
 * interrupt with an {@link InterruptedIOException}, the interrupt flag set again. {@link #close()}
 * cancels the subscription, which aborts the exchange, and wakes a blocked reader.
 *
 * <p>One reading thread at a time; {@link #close()} may come from any thread.
 */
final class QueuedBodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
  private static final Object END = new Object();
  private static final Object CLOSED = new Object();

  /** The publisher failed: its cause is read out as an {@link IOException}. */
  private record Failure(Throwable cause) {}

  // One list is requested at a time, so at most that list and the end, a failure and a close are
  // ever queued; an array queue allocates nothing per item.
  private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;
  private List<ByteBuffer> buffers = List.of();
  private int nextBuffer;
  private ByteBuffer current;
  private boolean ended;

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) s.cancel();
    else s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.offer(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.offer(new Failure(throwable));
  }

  @Override
  public void onComplete() {
    queue.offer(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) return 0;
    ByteBuffer buffer = nextNonEmpty();
    if (buffer == null) return -1;
    int n = Math.min(length, buffer.remaining());
    buffer.get(target, offset, n);
    return n;
  }

  @Override
  public int available() {
    return current == null ? 0 : current.remaining();
  }

  /** The buffer with bytes to read, taking the next list when needed; null at the end. */
  @SuppressWarnings("unchecked")
  private ByteBuffer nextNonEmpty() throws IOException {
    while (current == null || !current.hasRemaining()) {
      if (nextBuffer < buffers.size()) {
        current = buffers.get(nextBuffer++);
        continue;
      }
      if (ended) return null;
      if (closed) throw new IOException("closed");
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the response body");
      }
      if (item == END) {
        ended = true;
        return null;
      }
      if (item == CLOSED) throw new IOException("closed");
      if (item instanceof Failure failure) {
        throw failure.cause() instanceof IOException io ? io : new IOException(failure.cause());
      }
      buffers = (List<ByteBuffer>) item;
      nextBuffer = 0;
      current = null;
      Flow.Subscription s = subscription;
      if (s != null) s.request(1);
    }
    return current;
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) s.cancel();
    queue.offer(CLOSED);
  }
}
