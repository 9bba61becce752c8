package dev.reverie.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.reverie.RetryPolicy;
import dev.reverie.error.CancelledException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.TransportException;
import dev.reverie.internal.http.ErrorBodyParser;
import dev.reverie.internal.http.ProviderHttp;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.JdkHttpTransport;
import dev.reverie.transport.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries through a real JDK transport against a loopback server; time is simulated. */
class RetryInterceptorTest {

  /** One scripted HTTP answer. */
  private record Reply(int status, List<String> headers, String body) {
    static Reply of(int status, String body, String... headers) {
      return new Reply(status, List.of(headers), body);
    }
  }

  /** A clock that only moves when the interceptor sleeps, recording every wait. */
  private static final class SimulatedTime implements RetryInterceptor.Sleeper {
    long nanos;
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
      nanos += duration.toNanos();
    }
  }

  private HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final SimulatedTime time = new SimulatedTime();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          Reply reply;
          synchronized (replies) {
            reply = replies.size() > 1 ? replies.poll() : replies.peek();
          }
          for (int i = 0; i < reply.headers().size(); i += 2) {
            exchange.getResponseHeaders().add(reply.headers().get(i), reply.headers().get(i + 1));
          }
          byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(reply.status(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void script(Reply... script) {
    replies.addAll(List.of(script));
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat");
  }

  private RetryInterceptor interceptor(RetryPolicy policy) {
    return new RetryInterceptor(policy, time, () -> time.nanos, () -> 0.0);
  }

  private ProviderHttp http(RetryPolicy policy) {
    Transport transport = JdkHttpTransport.create().with(interceptor(policy));
    return new ProviderHttp("test", transport, body -> new ErrorBodyParser.ParsedError("", body));
  }

  @Test
  void a429WithRetryAfterIsRetriedOnceAfterTheAskedDelay() {
    script(Reply.of(429, "slow down", "Retry-After", "2"), Reply.of(200, "ok"));

    String body = http(RetryPolicy.defaults()).postForText(uri(), HttpHeaders.EMPTY, "{}");

    assertThat(body).isEqualTo("ok");
    assertThat(requests).hasValue(2);
    assertThat(time.waits).hasSize(1);
    assertThat(time.waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterMsIsPreferredWhateverItsCase() {
    script(
        Reply.of(503, "busy", "RETRY-AFTER-MS", "1500", "retry-after", "30"), Reply.of(200, "ok"));

    http(RetryPolicy.defaults()).postForText(uri(), HttpHeaders.EMPTY, "{}");

    assertThat(time.waits).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void repeated500sGiveUpAfterTheConfiguredRetriesWithTheLastError() {
    script(
        Reply.of(500, "first"),
        Reply.of(500, "second"),
        Reply.of(500, "third"),
        Reply.of(500, "last"));
    var policy = RetryPolicy.defaults().withMaxRetries(3).withInitialDelay(Duration.ofMillis(500));

    assertThatThrownBy(() -> http(policy).postForText(uri(), HttpHeaders.EMPTY, "{}"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.providerMessage()).isEqualTo("last");
              assertThat(e.isRetryable()).isTrue();
            });
    assertThat(requests).hasValue(4);
    assertThat(time.waits)
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void otherStatusesSurfaceAtOnce() {
    script(Reply.of(400, "bad request"));

    assertThatThrownBy(
            () -> http(RetryPolicy.defaults()).postForText(uri(), HttpHeaders.EMPTY, "{}"))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(requests).hasValue(1);
    assertThat(time.waits).isEmpty();
  }

  @Test
  void xShouldRetryOverridesTheStatus() {
    script(Reply.of(500, "final", "x-should-retry", "false"));
    assertThatThrownBy(
            () -> http(RetryPolicy.defaults()).postForText(uri(), HttpHeaders.EMPTY, "{}"))
        .isInstanceOf(ProviderException.class);
    assertThat(requests).hasValue(1);

    replies.clear();
    script(Reply.of(400, "try again", "X-Should-Retry", "true"), Reply.of(200, "ok"));
    assertThat(http(RetryPolicy.defaults()).postForText(uri(), HttpHeaders.EMPTY, "{}"))
        .isEqualTo("ok");
    assertThat(requests).hasValue(3);
  }

  @Test
  void aServerDelayBeyondTheDeadlineGivesUpAtOnce() {
    script(Reply.of(429, "come back tomorrow", "retry-after", "120"), Reply.of(200, "ok"));

    assertThatThrownBy(
            () -> http(RetryPolicy.defaults()).postForText(uri(), HttpHeaders.EMPTY, "{}"))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.status()).isEqualTo(429));
    assertThat(requests).hasValue(1);
    assertThat(time.waits).isEmpty();
  }

  /**
   * Huge, infinite and far-future delays used to overflow (a raw ArithmeticException with the 429
   * left open) or, just under the overflow, to pass the deadline check and sleep for centuries.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "1e300",
        "Infinity",
        "9223372036854775807",
        "9223372036854775",
        "9223372036854",
        "Fri, 31 Dec 9999 23:59:59 GMT"
      })
  void anEnormousServerDelayGivesUpWithTheProviderErrorAndNeverSleeps(String retryAfter) {
    script(Reply.of(429, "come back much later", "retry-after", retryAfter), Reply.of(200, "ok"));

    assertThatThrownBy(
            () -> http(RetryPolicy.defaults()).postForText(uri(), HttpHeaders.EMPTY, "{}"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfter()).isPresent();
            });
    assertThat(requests).hasValue(1);
    assertThat(time.waits).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"NaN", "-3", "soon", "0x10"})
  void anUnusableServerDelayIsIgnoredForTheComputedBackoff(String retryAfter) {
    script(Reply.of(429, "slow down", "retry-after", retryAfter), Reply.of(200, "ok"));
    var policy = RetryPolicy.defaults().withInitialDelay(Duration.ofMillis(700));

    assertThat(http(policy).postForText(uri(), HttpHeaders.EMPTY, "{}")).isEqualTo("ok");
    assertThat(time.waits).containsExactly(Duration.ofMillis(700));
  }

  @Test
  void theDeadlineBoundsTheTotalTimeSpentRetrying() {
    script(Reply.of(503, "busy"));
    var policy =
        RetryPolicy.defaults()
            .withMaxRetries(10)
            .withInitialDelay(Duration.ofSeconds(1))
            .withDeadline(Duration.ofSeconds(5));

    assertThatThrownBy(() -> http(policy).postForText(uri(), HttpHeaders.EMPTY, "{}"))
        .isInstanceOf(ProviderException.class);
    // waits of 1 s, 2 s fit in 5 s; the next (4 s) would not
    assertThat(time.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(requests).hasValue(3);
  }

  @Test
  void aRefusedConnectionIsRetriedThenThrown() throws IOException {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Transport transport = JdkHttpTransport.create().with(interceptor(RetryPolicy.defaults()));
    var request =
        HttpRequest.postJson(
            URI.create("http://127.0.0.1:" + closedPort + "/"), HttpHeaders.EMPTY, "{}");

    assertThatThrownBy(() -> transport.send(request)).isInstanceOf(TransportException.class);
    assertThat(time.waits).hasSize(RetryPolicy.defaults().maxRetries());
  }

  @Test
  void aConnectionFailureBeforeTheFirstByteIsRetried() {
    var attempts = new AtomicInteger();
    Transport flaky =
        request -> {
          if (attempts.incrementAndGet() == 1) {
            throw new TransportException("connection reset", new IOException("reset"));
          }
          return new StaticResponse(200, "ok");
        };

    HttpResponse response =
        flaky
            .with(interceptor(RetryPolicy.defaults()))
            .send(HttpRequest.postJson(uri(), HttpHeaders.EMPTY, "{}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(attempts).hasValue(2);
    assertThat(time.waits).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void nonRetryableFailuresAndCancellationAreNotRetried() {
    var attempts = new AtomicInteger();
    Transport broken =
        request -> {
          attempts.incrementAndGet();
          throw new TransportException("bad url", null, false);
        };
    var request = HttpRequest.postJson(uri(), HttpHeaders.EMPTY, "{}");
    assertThatThrownBy(() -> broken.with(interceptor(RetryPolicy.defaults())).send(request))
        .isInstanceOf(TransportException.class);
    Transport cancelled =
        r -> {
          attempts.incrementAndGet();
          throw new CancelledException("stop");
        };
    assertThatThrownBy(() -> cancelled.with(interceptor(RetryPolicy.defaults())).send(request))
        .isInstanceOf(CancelledException.class);
    assertThat(attempts).hasValue(2);
    assertThat(time.waits).isEmpty();
  }

  @Test
  void anInterruptWhileWaitingCancelsAndClosesTheDiscardedResponse() {
    var closed = new AtomicInteger();
    Transport busy =
        request ->
            new StaticResponse(503, "busy") {
              @Override
              public void close() {
                closed.incrementAndGet();
              }
            };
    var sleeper =
        new RetryInterceptor(
            RetryPolicy.defaults(),
            d -> {
              throw new InterruptedException();
            },
            () -> 0L,
            () -> 0.0);
    try {
      assertThatThrownBy(
              () -> busy.with(sleeper).send(HttpRequest.postJson(uri(), HttpHeaders.EMPTY, "{}")))
          .isInstanceOf(CancelledException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(closed).hasValue(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void jitterShortensComputedWaitsOnly() {
    var policy = RetryPolicy.defaults().withJitter(0.5);
    var attempts = new AtomicInteger();
    Transport twice =
        request ->
            attempts.incrementAndGet() == 1
                ? new StaticResponse(502, "bad gateway")
                : new StaticResponse(200, "ok");
    var jittered = new RetryInterceptor(policy, time, () -> time.nanos, () -> 1.0);

    twice.with(jittered).send(HttpRequest.postJson(uri(), HttpHeaders.EMPTY, "{}"));

    assertThat(time.waits).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void retryPolicyChecksItsValues() {
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.defaults().withBackoffFactor(0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.defaults().withJitter(2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RetryPolicy.defaults().backoff(10)).isEqualTo(RetryPolicy.defaults().maxDelay());
    assertThat(RetryPolicy.none().maxRetries()).isZero();
  }

  /** A response with a fixed body. */
  private static class StaticResponse implements HttpResponse {
    private final int status;
    private final InputStream body;

    StaticResponse(int status, String body) {
      this.status = status;
      this.body = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.EMPTY;
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void close() {}
  }
}
