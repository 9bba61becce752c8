package dev.reverie.testing;

import dev.reverie.error.TransportException;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport that answers with scripted responses in order and records every request. Bodies are
 * delivered in reads of at most {@code chunkSize} bytes, like a network would.
 */
public final class ScriptedTransport implements Transport {
  /** One scripted answer. */
  public record Scripted(int status, HttpHeaders headers, byte[] body, int chunkSize) {}

  private final Deque<Scripted> script = new ArrayDeque<>();
  private final List<HttpRequest> requests = new ArrayList<>();
  private final AtomicInteger closed = new AtomicInteger();

  public ScriptedTransport respond(int status, String contentType, String body) {
    return respond(status, contentType, body.getBytes(StandardCharsets.UTF_8), 64);
  }

  public ScriptedTransport respond(int status, String contentType, byte[] body, int chunkSize) {
    script.add(new Scripted(status, HttpHeaders.of("Content-Type", contentType), body, chunkSize));
    return this;
  }

  public ScriptedTransport respond(Scripted scripted) {
    script.add(scripted);
    return this;
  }

  public List<HttpRequest> requests() {
    return List.copyOf(requests);
  }

  /** How many responses were closed. */
  public int closedResponses() {
    return closed.get();
  }

  @Override
  public synchronized HttpResponse send(HttpRequest request) {
    requests.add(request);
    Scripted next = script.poll();
    if (next == null) throw new TransportException("no scripted response left", null, false);
    InputStream body = new ChunkedInputStream(next.body(), next.chunkSize());
    return new HttpResponse() {
      private boolean isClosed;

      @Override
      public int status() {
        return next.status();
      }

      @Override
      public HttpHeaders headers() {
        return next.headers();
      }

      @Override
      public InputStream body() {
        return body;
      }

      @Override
      public void close() {
        if (!isClosed) {
          isClosed = true;
          closed.incrementAndGet();
        }
      }
    };
  }

  /** Reads at most {@code chunk} bytes per call. */
  public static final class ChunkedInputStream extends ByteArrayInputStream {
    private final int chunk;

    public ChunkedInputStream(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = Math.max(1, chunk);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
