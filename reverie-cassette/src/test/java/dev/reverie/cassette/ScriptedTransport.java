package dev.reverie.cassette;

import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** A transport that answers every request with the same scripted response and keeps requests. */
final class ScriptedTransport implements Transport {
  final List<HttpRequest> received = new ArrayList<>();
  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;
  boolean closed;

  ScriptedTransport(int status, HttpHeaders headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    received.add(request);
    InputStream stream = new ByteArrayInputStream(body);
    return new HttpResponse() {
      @Override
      public int status() {
        return status;
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        return stream;
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }
}
