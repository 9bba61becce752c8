package dev.reverie.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reverie.error.CancelledException;
import dev.reverie.error.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpTransportTest {
  private static final long WAIT_SECONDS = 20;

  private HttpServer server;
  private final Map<String, List<String>> receivedHeaders = new ConcurrentHashMap<>();
  private final AtomicReference<String> receivedBody = new AtomicReference<>();
  private final AtomicReference<String> receivedMethod = new AtomicReference<>();
  private final JdkHttpTransport transport =
      JdkHttpTransport.builder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void recordRequest(HttpExchange exchange) throws IOException {
    exchange.getRequestHeaders().forEach((name, values) -> receivedHeaders.put(name, values));
    receivedMethod.set(exchange.getRequestMethod());
    receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void sendsMethodHeadersAndBodyAndReturnsTheResponse() throws IOException {
    server.createContext(
        "/echo",
        exchange -> {
          recordRequest(exchange);
          byte[] reply = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Request-Id", "req-1");
          exchange.sendResponseHeaders(200, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    var request =
        HttpRequest.postJson(
            uri("/echo?alt=sse"),
            HttpHeaders.of(
                "Authorization", "Bearer sk-test",
                "User-Agent", "reverie-test",
                "Host", "evil.example",
                "Content-Length", "999",
                "Connection", "close"),
            "{\"q\":1}");

    try (HttpResponse response = transport.send(request)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers().first("content-type")).hasValue("application/json");
      assertThat(response.headers().first("x-request-id")).hasValue("req-1");
      assertThat(response.headers().asMap().keySet()).noneMatch(name -> name.startsWith(":"));
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"ok\":true}");
    }
    assertThat(receivedMethod.get()).isEqualTo("POST");
    assertThat(receivedBody.get()).isEqualTo("{\"q\":1}");
    assertThat(receivedHeaders.get("Authorization")).containsExactly("Bearer sk-test");
    assertThat(receivedHeaders.get("User-agent")).containsExactly("reverie-test");
    assertThat(receivedHeaders.get("Content-type")).containsExactly("application/json");
    assertThat(receivedHeaders.get("Content-length")).containsExactly("7");
    assertThat(receivedHeaders.get("Host")).noneMatch(host -> host.contains("evil"));
  }

  @Test
  void bodyStreamsBeforeTheServerFinishes() throws Exception {
    var clientReadFirstPart = new CountDownLatch(1);
    var serverSawClientRead = new AtomicBoolean();
    server.createContext(
        "/stream",
        exchange -> {
          recordRequest(exchange);
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            serverSawClientRead.set(awaitQuietly(clientReadFirstPart));
            out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
          }
        });

    try (HttpResponse response = transport.send(get("/stream"))) {
      assertThat(response.status()).isEqualTo(200);
      InputStream body = response.body();
      String first = readUntil(body, "data: first\n\n");
      assertThat(first).isEqualTo("data: first\n\n");
      clientReadFirstPart.countDown();
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("data: second\n\n");
    }
    assertThat(serverSawClientRead).isTrue();
  }

  @Test
  void sendReturnsOnceHeadersAreInWithoutWaitingForTheBody() throws Exception {
    var headersReceived = new CountDownLatch(1);
    server.createContext(
        "/slow-body",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().flush();
          boolean released = awaitQuietly(headersReceived);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write((released ? "released" : "timed out").getBytes(StandardCharsets.UTF_8));
          }
        });

    try (HttpResponse response = transport.send(get("/slow-body"))) {
      headersReceived.countDown();
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("released");
    }
  }

  @Test
  void closingMidBodyAbortsTheExchange() throws Exception {
    var serverWriteFailed = new CountDownLatch(1);
    server.createContext(
        "/endless",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = ("data: " + "x".repeat(1018) + "\n\n").getBytes(StandardCharsets.UTF_8);
          try (OutputStream out = exchange.getResponseBody()) {
            // Bounded: 64 MiB at most, far more than any socket buffer holds.
            for (int i = 0; i < 65_536; i++) {
              out.write(chunk);
              out.flush();
            }
          } catch (IOException e) {
            serverWriteFailed.countDown();
          }
        });

    HttpResponse response = transport.send(get("/endless"));
    InputStream body = response.body();
    assertThat(body.read(new byte[100])).isPositive();
    response.close();
    response.close();

    assertThat(serverWriteFailed.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> body.read()).isInstanceOf(CancelledException.class);
  }

  @Test
  void aReadWaitingLongerThanTheReadTimeoutFailsAsARetryableTimeout() throws Exception {
    var release = new CountDownLatch(1);
    server.createContext(
        "/silent",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          awaitQuietly(release); // a connection that stays open and says nothing more
          exchange.close();
        });
    JdkHttpTransport impatient =
        JdkHttpTransport.builder().readTimeout(Duration.ofMillis(200)).build();
    try {
      HttpResponse response = impatient.send(get("/silent"));
      InputStream body = response.body();
      readUntil(body, "data: first\n\n");
      long start = System.nanoTime();
      assertThatThrownBy(() -> body.read(new byte[64]))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageContaining("GET http://127.0.0.1:")
          .hasMessageContaining("read timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(Duration.ofSeconds(WAIT_SECONDS));
      // The exchange is over: later reads say so again rather than block.
      assertThatThrownBy(body::read).isInstanceOf(TransportException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void timeSpentBetweenReadsDoesNotCountTowardsTheReadTimeout() throws Exception {
    server.createContext(
        "/slow-reader",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("one,".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.write("two".getBytes(StandardCharsets.UTF_8));
          }
        });
    JdkHttpTransport impatient =
        JdkHttpTransport.builder().readTimeout(Duration.ofMillis(100)).build();
    HttpResponse response = impatient.send(get("/slow-reader"));
    InputStream body = response.body();
    String first = readUntil(body, "one,");
    // The caller is busy for several timeouts; whatever it has not read yet waits for it.
    Thread.sleep(500);
    String rest = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    assertThat(first + rest).isEqualTo("one,two");
    response.close();
  }

  @Test
  void aReadTimeoutTooLongToCountOrNoneAtAllReadsNormally() throws Exception {
    server.createContext(
        "/plain",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("whole body".getBytes(StandardCharsets.UTF_8));
          }
        });
    for (JdkHttpTransport patient :
        List.of(
            JdkHttpTransport.builder().readTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build(),
            JdkHttpTransport.builder().noReadTimeout().build())) {
      try (HttpResponse response = patient.send(get("/plain"))) {
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("whole body");
      }
    }
  }

  @Test
  void theReadTimeoutMustBePositive() {
    assertThatThrownBy(() -> JdkHttpTransport.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeFromAnotherThreadUnblocksAReader() throws Exception {
    var release = new CountDownLatch(1);
    server.createContext(
        "/stall",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write("partial".getBytes(StandardCharsets.UTF_8));
          out.flush();
          awaitQuietly(release);
          exchange.close();
        });
    try {
      HttpResponse response = transport.send(get("/stall"));
      InputStream body = response.body();
      readUntil(body, "partial");
      var failure = new AtomicReference<Throwable>();
      var readerDone = new CountDownLatch(1);
      var readerStarted = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                readerStarted.countDown();
                try {
                  body.read();
                } catch (Throwable e) {
                  failure.set(e);
                } finally {
                  readerDone.countDown();
                }
              });
      reader.start();
      readerStarted.await();
      // Close only once the reader is parked inside read(), to exercise the blocked case.
      while (reader.getState() != Thread.State.WAITING && readerDone.getCount() > 0) {
        Thread.onSpinWait();
      }
      response.close();
      assertThat(readerDone.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(failure.get()).isInstanceOf(CancelledException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void errorStatusesAreReturnedNotThrown() throws IOException {
    server.createContext(
        "/limited",
        exchange -> {
          recordRequest(exchange);
          byte[] reply = "{\"error\":{\"message\":\"slow down\"}}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Retry-After", "3");
          exchange.sendResponseHeaders(429, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    try (HttpResponse response = transport.send(get("/limited"))) {
      assertThat(response.status()).isEqualTo(429);
      assertThat(response.headers().first("Retry-After")).hasValue("3");
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
          .contains("slow down");
    }
  }

  @Test
  void serverErrorWithEmptyBodyIsReturned() throws IOException {
    server.createContext(
        "/broken",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    try (HttpResponse response = transport.send(get("/broken"))) {
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.body().readAllBytes()).isEmpty();
    }
  }

  @Test
  void connectionRefusedIsARetryableTransportExceptionWithoutSecrets() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var request =
        HttpRequest.postJson(
            URI.create("http://127.0.0.1:" + port + "/v1/chat?key=sk-in-query&alt=sse"),
            HttpHeaders.of("Authorization", "Bearer sk-secret-value"),
            "{}");
    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.isRetryable()).isTrue())
        .hasMessageContaining("POST http://127.0.0.1:" + port + "/v1/chat")
        .hasMessageContaining("alt=sse")
        .hasMessageNotContaining("sk-secret-value")
        .hasMessageNotContaining("sk-in-query");
  }

  /**
   * The JDK's body stream ignores interrupts: a reader blocked on a silent server used to stay
   * blocked until data came, and lost its interrupt flag.
   */
  @Test
  void interruptingABlockedReaderEndsTheReadAndKeepsTheFlag() throws Exception {
    var release = new CountDownLatch(1);
    server.createContext(
        "/stall",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write("partial".getBytes(StandardCharsets.UTF_8));
          out.flush();
          awaitQuietly(release);
          exchange.close();
        });
    try {
      HttpResponse response = transport.send(get("/stall"));
      InputStream body = response.body();
      readUntil(body, "partial");
      var failure = new AtomicReference<Throwable>();
      var flagKept = new AtomicBoolean();
      var readerDone = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try {
                  body.read();
                } catch (Throwable e) {
                  failure.set(e);
                  flagKept.set(Thread.currentThread().isInterrupted());
                } finally {
                  readerDone.countDown();
                }
              });
      reader.start();
      while (reader.getState() != Thread.State.WAITING && readerDone.getCount() > 0) {
        Thread.onSpinWait();
      }
      reader.interrupt();
      assertThat(readerDone.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(failure.get())
          .isInstanceOf(CancelledException.class)
          .hasMessageContaining("interrupted while reading the response body");
      assertThat(flagKept).isTrue();
      // The exchange is over: later reads say so too.
      assertThatThrownBy(body::read).isInstanceOf(CancelledException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aServerThatNeverAnswersEndsWithARetryableResponseTimeout() {
    var release = new CountDownLatch(1);
    server.createContext(
        "/silent",
        exchange -> {
          recordRequest(exchange);
          awaitQuietly(release);
          exchange.close();
        });
    var impatient =
        JdkHttpTransport.builder().responseTimeout(java.time.Duration.ofMillis(200)).build();
    try {
      assertThatThrownBy(() -> impatient.send(get("/silent")))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> {
                assertThat(e.isRetryable()).isTrue();
                assertThat(e).hasMessageContaining("the response timeout");
              });
    } finally {
      release.countDown();
    }
  }

  @Test
  void theDefaultTransportHasAResponseTimeout() {
    assertThat(JdkHttpTransport.DEFAULT_RESPONSE_TIMEOUT)
        .isEqualTo(java.time.Duration.ofMinutes(10));
  }

  @Test
  void interruptedSendIsCancelledAndKeepsTheInterruptFlag() throws Exception {
    var release = new CountDownLatch(1);
    server.createContext(
        "/hang",
        exchange -> {
          recordRequest(exchange);
          awaitQuietly(release);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    var outcome = new AtomicReference<Throwable>();
    var flagKept = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                transport.send(get("/hang")).close();
              } catch (Throwable e) {
                outcome.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    try {
      caller.start();
      caller.interrupt();
      caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      assertThat(caller.isAlive()).isFalse();
      assertThat(outcome.get()).isInstanceOf(CancelledException.class);
      assertThat(flagKept).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void invalidHeaderValueIsRejectedWithoutQuotingIt() {
    var request =
        new HttpRequest(
            "GET", uri("/x"), HttpHeaders.of("X-Api-Key", "sk-bad\nvalue"), new byte[0]);
    assertThatThrownBy(() -> transport.send(request))
        .isInstanceOfSatisfying(
            TransportException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessageContaining("X-Api-Key")
        .hasMessageNotContaining("sk-bad");
  }

  @Test
  void usesTheCallersClient() throws IOException {
    server.createContext(
        "/ok",
        exchange -> {
          recordRequest(exchange);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    var own =
        JdkHttpTransport.builder()
            .httpClient(java.net.http.HttpClient.newHttpClient())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    try (HttpResponse response = own.send(get("/ok"))) {
      assertThat(response.status()).isEqualTo(204);
    }
    assertThat(receivedMethod.get()).isEqualTo("GET");
  }

  private HttpRequest get(String path) {
    return new HttpRequest("GET", uri(path), HttpHeaders.EMPTY, new byte[0]);
  }

  private static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Reads until the text read so far ends with {@code end}; fails at end of stream. */
  private static String readUntil(InputStream in, String end) throws IOException {
    var read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
      int b = in.read();
      if (b < 0) throw new AssertionError("stream ended before " + end);
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }
}
