package dev.reverie.transport;

import java.io.InputStream;

/**
 * An HTTP response whose body is read as a stream, as it arrives.
 *
 * <p>Closing releases the connection; closing before the body is fully read aborts the exchange.
 * {@link #close()} is idempotent and may be called from another thread to cancel a blocked read.
 */
public interface HttpResponse extends AutoCloseable {
  int status();

  HttpHeaders headers();

  /** The body; read it once. */
  InputStream body();

  @Override
  void close();
}
