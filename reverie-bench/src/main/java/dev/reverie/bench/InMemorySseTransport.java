package dev.reverie.bench;

import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A {@link Transport} that answers every request with the same pre-built event-stream body from
 * memory, so a benchmark measures the whole Reverie pipeline (SSE reader, chunk decoder, object
 * stream, parser, binder) without the network. Thread-safe; each response reads its own stream.
 */
public final class InMemorySseTransport implements Transport {
  private static final HttpHeaders HEADERS =
      HttpHeaders.of("Content-Type", "text/event-stream; charset=utf-8");

  private final byte[] body;

  /** Serves {@code body} (not copied: the caller must not change it). */
  public InMemorySseTransport(byte[] body) {
    this.body = body;
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    InputStream stream = new ByteArrayInputStream(body);
    return new HttpResponse() {
      @Override
      public int status() {
        return 200;
      }

      @Override
      public HttpHeaders headers() {
        return HEADERS;
      }

      @Override
      public InputStream body() {
        return stream;
      }

      @Override
      public void close() {
        // A byte array holds nothing to release.
      }
    };
  }
}
