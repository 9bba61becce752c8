package dev.reverie.internal.framing;

/**
 * Reads a response body frame by frame: an SSE event, an NDJSON line, an AWS event-stream message.
 * The framing of a body is independent of what its frames mean; a {@link FrameDecoder} gives them
 * meaning.
 *
 * <p>Failures while reading are {@link dev.reverie.error.ReverieException}s: a frame over the
 * reader's limits or malformed framing is a {@link dev.reverie.error.StreamProtocolException}, an
 * I/O failure a retryable {@link dev.reverie.error.TransportException}. Not thread-safe, except
 * that {@link #close()} may be called from another thread to abort a blocked read.
 *
 * @param <F> the frame type; a frame may be a view of the reader's buffers, valid only until the
 *     next {@link #advance()}
 */
public interface FrameReader<F> extends AutoCloseable {
  /** Reads the next frame; false at the end of the body. */
  boolean advance();

  /** The frame the last {@link #advance()} read. */
  F current();

  @Override
  void close();
}
