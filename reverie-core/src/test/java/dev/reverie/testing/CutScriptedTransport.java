package dev.reverie.testing;

import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport that answers with scripted responses in order and records every request. Bodies are
 * served in chunks of a chosen size (or split at chosen offsets), as a network would.
 */
public final class CutScriptedTransport implements Transport {
  private final Queue<Scripted> script = new ArrayDeque<>();
  private final List<HttpRequest> requests = new ArrayList<>();
  public final AtomicInteger closedResponses = new AtomicInteger();

  /** A response to hand out: status, headers, body and where to cut it into reads. */
  public record Scripted(int status, HttpHeaders headers, byte[] body, int[] cuts) {}

  public CutScriptedTransport respond(int status, String contentType, String body) {
    return respond(status, HttpHeaders.of("Content-Type", contentType), body);
  }

  public CutScriptedTransport respond(int status, HttpHeaders headers, String body) {
    script.add(new Scripted(status, headers, body.getBytes(StandardCharsets.UTF_8), new int[0]));
    return this;
  }

  /** A 200 response whose body is read in two parts, cut at byte {@code cut}. */
  public CutScriptedTransport respondSplit(String contentType, byte[] body, int cut) {
    script.add(
        new Scripted(200, HttpHeaders.of("Content-Type", contentType), body, new int[] {cut}));
    return this;
  }

  /** A 200 response whose body is read {@code chunk} bytes at a time. */
  public CutScriptedTransport respondChunked(String contentType, String body, int chunk) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var cuts = new int[Math.max(0, (bytes.length - 1) / chunk)];
    for (int i = 0; i < cuts.length; i++) cuts[i] = (i + 1) * chunk;
    script.add(new Scripted(200, HttpHeaders.of("Content-Type", contentType), bytes, cuts));
    return this;
  }

  public List<HttpRequest> requests() {
    return requests;
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    requests.add(request);
    Scripted next = script.poll();
    if (next == null) throw new AssertionError("no scripted response left for " + request);
    InputStream body = new CutInputStream(next.body(), next.cuts());
    return new HttpResponse() {
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
        closedResponses.incrementAndGet();
      }
    };
  }

  /** Serves bytes so that no read crosses one of the cut offsets. */
  private static final class CutInputStream extends InputStream {
    private final ByteArrayInputStream in;
    private final int[] cuts;
    private int position;

    CutInputStream(byte[] bytes, int[] cuts) {
      this.in = new ByteArrayInputStream(bytes);
      this.cuts = cuts.clone();
    }

    @Override
    public int read() {
      int b = in.read();
      if (b >= 0) position++;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) return 0;
      int limit = length;
      for (int cut : cuts) {
        if (cut > position) {
          limit = Math.min(limit, cut - position);
          break;
        }
      }
      int n = in.read(buffer, offset, limit);
      if (n > 0) position += n;
      return n;
    }
  }
}
