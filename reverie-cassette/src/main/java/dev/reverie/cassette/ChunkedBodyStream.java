package dev.reverie.cassette;

import dev.reverie.error.CancelledException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A recorded body handed out at most {@code chunkBytes} bytes per read, so code under test sees a
 * body that arrives in pieces, as from the network. Reads after {@link #close()} throw {@link
 * CancelledException}, as the real transport's body does.
 */
final class ChunkedBodyStream extends InputStream {
  private final byte[] body;
  private final int chunkBytes;
  private final AtomicBoolean closed = new AtomicBoolean();
  private int position;

  ChunkedBodyStream(byte[] body, int chunkBytes) {
    this.body = body;
    this.chunkBytes = chunkBytes;
  }

  @Override
  public synchronized int read() {
    ensureOpen();
    return position < body.length ? body[position++] & 0xff : -1;
  }

  @Override
  public synchronized int read(byte[] target, int offset, int length) {
    ensureOpen();
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) return 0;
    if (position >= body.length) return -1;
    int count = Math.min(Math.min(length, chunkBytes), body.length - position);
    System.arraycopy(body, position, target, offset, count);
    position += count;
    return count;
  }

  /** Zero: like a network body, nothing is promised without blocking. */
  @Override
  public int available() {
    ensureOpen();
    return 0;
  }

  @Override
  public void close() {
    closed.set(true);
  }

  private void ensureOpen() {
    if (closed.get()) throw new CancelledException("the response body was closed");
  }
}
