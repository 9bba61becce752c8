package dev.reverie.cli;

import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Slows response bodies down to a pause per read, so a replayed recording streams at a pace a
 * person can watch. Used by the demo only.
 */
final class PacedTransport implements Transport {
  private final Transport inner;
  private final Duration pause;

  PacedTransport(Transport inner, Duration pause) {
    this.inner = inner;
    this.pause = pause;
  }

  @Override
  public HttpResponse send(dev.reverie.transport.HttpRequest request) {
    HttpResponse response = inner.send(request);
    if (pause.isZero()) return response;
    InputStream paced =
        new FilterInputStream(response.body()) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            try {
              Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException("interrupted");
            }
            return super.read(b, off, len);
          }
        };
    return new HttpResponse() {
      @Override
      public int status() {
        return response.status();
      }

      @Override
      public HttpHeaders headers() {
        return response.headers();
      }

      @Override
      public InputStream body() {
        return paced;
      }

      @Override
      public void close() {
        response.close();
      }
    };
  }
}
