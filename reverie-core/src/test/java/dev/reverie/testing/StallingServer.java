package dev.reverie.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server whose one endpoint answers 200 with the start of a body, then keeps the
 * connection open and says nothing more until the server is closed: a provider that stalls
 * mid-response.
 */
public final class StallingServer implements AutoCloseable {
  private static final long SAFETY_SECONDS = 30;

  private final HttpServer server;
  private final CountDownLatch bodyStarted = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private StallingServer(String path, String contentType, String firstBytes) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        path,
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(firstBytes.getBytes(StandardCharsets.UTF_8));
          exchange.getResponseBody().flush();
          bodyStarted.countDown();
          try {
            release.await(SAFETY_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
  }

  /** Serves {@code firstBytes} at {@code path}, then stalls. */
  public static StallingServer start(String path, String contentType, String firstBytes) {
    return new StallingServer(path, contentType, firstBytes);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Waits until the first bytes of a response have been sent. */
  public boolean awaitBodyStarted() throws InterruptedException {
    return bodyStarted.await(SAFETY_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
