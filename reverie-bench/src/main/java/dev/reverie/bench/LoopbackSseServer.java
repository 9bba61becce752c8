package dev.reverie.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 (ephemeral port) answering every POST, whatever its path
 * (e.g. {@code /v1/chat/completions}), with the same pre-built event stream, chunked, as a real
 * streaming endpoint does. The body is written in one call, so the server's cost per event is a
 * copy and the clients, not the server, dominate the measurement.
 *
 * <p>Server threads are named with {@link #THREAD_PREFIX} so a bench can leave their allocation
 * out. Close it to stop the server.
 */
public final class LoopbackSseServer implements AutoCloseable {
  /** The name prefix of every thread serving requests. */
  public static final String THREAD_PREFIX = "loopback-sse-";

  private final HttpServer server;
  private final ExecutorService executor;

  private LoopbackSseServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server that serves {@code body} (not copied) to every request. */
  public static LoopbackSseServer start(byte[] body) throws IOException {
    var counter = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, THREAD_PREFIX + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, body));
    server.start();
    return new LoopbackSseServer(server, executor);
  }

  /** The base URL to give an OpenAI client, e.g. {@code http://127.0.0.1:41234/v1}. */
  public String baseUrl() {
    return root() + "/v1";
  }

  /** The server's root URL without a path, e.g. {@code http://127.0.0.1:41234}. */
  public String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void serve(HttpExchange exchange, byte[] body) throws IOException {
    try (exchange) {
      try (InputStream request = exchange.getRequestBody()) {
        request.readAllBytes();
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
