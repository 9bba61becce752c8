package dev.reverie.transport;

import dev.reverie.error.CancelledException;
import dev.reverie.error.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link Transport}: the JDK's {@link HttpClient} (HTTP/2 where the server offers it,
 * no extra jars), with the response body streamed as it arrives.
 *
 * <p>{@link #send} returns as soon as the status and headers are in. Headers the JDK client manages
 * itself ({@code Host}, {@code Connection}, {@code Content-Length}, {@code Expect}, {@code
 * Upgrade}) are skipped. Failures: no response (connection refused or reset, timeout) is a
 * retryable {@link TransportException} whose message names the method and the redacted URL, never a
 * header value; an interrupted thread gets {@link CancelledException} with its interrupt flag set
 * again.
 *
 * <p>Two timeouts keep a silent server from hanging a call, both retryable {@link
 * TransportException}s that name the limit hit: the response must start (status and headers) within
 * the response timeout ({@link #DEFAULT_RESPONSE_TIMEOUT} unless {@link Builder#responseTimeout}
 * says otherwise), and a read of a response body that waits longer than the read timeout ({@link
 * #DEFAULT_READ_TIMEOUT}, {@link Builder#readTimeout}) for its next bytes aborts the exchange: a
 * connection that dies without closing ends a stream with an error instead of hanging it.
 *
 * <p>Interrupting a thread blocked in a body read ends the read at once with a {@link
 * CancelledException}, aborting the exchange, and the thread's interrupt flag stays set.
 *
 * <p>{@link HttpResponse#close()} on a response closes its body stream, which aborts the exchange
 * if the body was not fully read; it is idempotent and may be called from another thread. A read on
 * the body after (or blocked during) that close throws {@link CancelledException}.
 *
 * <p>Thread-safe; share one instance.
 */
public final class JdkHttpTransport implements Transport {
  private static final Set<String> MANAGED_BY_CLIENT =
      Set.of("host", "connection", "content-length", "expect", "upgrade");

  /** How long a read of a response body waits for bytes unless the builder says otherwise. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(10);

  /**
   * How long a request waits for its response to start (status and headers) unless the builder says
   * otherwise: long enough for a non-streaming answer of a reasoning model, which sends its headers
   * only when it is done; short of forever, so a server that accepts and never answers cannot hang
   * a call.
   */
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMinutes(10);

  private final HttpClient client;
  private final Duration requestTimeout;
  // Long.MAX_VALUE: no read timeout.
  private final long readTimeoutNanos;

  private JdkHttpTransport(HttpClient client, Duration requestTimeout, long readTimeoutNanos) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.readTimeoutNanos = readTimeoutNanos;
  }

  /**
   * A transport with a new client, a 10-second connect timeout, the {@link
   * #DEFAULT_RESPONSE_TIMEOUT} and the {@link #DEFAULT_READ_TIMEOUT}.
   */
  public static JdkHttpTransport create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public HttpResponse send(HttpRequest request) {
    java.net.http.HttpRequest jdkRequest = toJdkRequest(request);
    try {
      java.net.http.HttpResponse<java.util.concurrent.Flow.Publisher<List<java.nio.ByteBuffer>>>
          response = client.send(jdkRequest, BodyHandlers.ofPublisher());
      var body = new QueuedBodyStream();
      response.body().subscribe(body);
      return new JdkHttpResponse(
          response.statusCode(),
          toHeaders(response),
          new AbortableBody(body, readTimeoutNanos, describe(request)));
    } catch (java.net.http.HttpTimeoutException e) {
      throw new TransportException(
          describe(request)
              + ": no response within "
              + requestTimeout
              + " (the response timeout); the exchange was aborted",
          e);
    } catch (IOException e) {
      throw new TransportException(describe(request) + " failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException(describe(request) + " was interrupted", e);
    }
  }

  private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
    java.net.http.HttpRequest.Builder builder;
    try {
      builder = java.net.http.HttpRequest.newBuilder(request.uri());
    } catch (IllegalArgumentException e) {
      throw new TransportException(
          describe(request) + ": the URL is not usable for HTTP", null, false);
    }
    byte[] body = request.body();
    builder.method(
        request.method(),
        body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (requestTimeout != null) builder.timeout(requestTimeout);
    request
        .headers()
        .asMap()
        .forEach(
            (name, values) -> {
              if (MANAGED_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) return;
              for (String value : values) {
                try {
                  builder.header(name, value);
                } catch (IllegalArgumentException e) {
                  // The cause's message could quote the value, which may be a credential.
                  throw new TransportException(
                      describe(request) + ": header '" + name + "' has an invalid name or value",
                      null,
                      false);
                }
              }
            });
    return builder.build();
  }

  private static HttpHeaders toHeaders(java.net.http.HttpResponse<?> response) {
    var map = new LinkedHashMap<String, List<String>>();
    for (Map.Entry<String, List<String>> entry : response.headers().map().entrySet()) {
      // HTTP/2 pseudo-headers such as ":status" are not headers for the caller.
      if (!entry.getKey().startsWith(":")) map.put(entry.getKey(), entry.getValue());
    }
    return HttpHeaders.of(map);
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + RedactedUri.render(request.uri());
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  /** Configures a {@link JdkHttpTransport}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = DEFAULT_RESPONSE_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private HttpClient httpClient;

    private Builder() {}

    /** How long connecting may take; applies only to the client this builder creates. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requirePositive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long each request waits for its response to start (status and headers); {@link
     * #DEFAULT_RESPONSE_TIMEOUT} unless set. Past it the exchange is aborted with a retryable
     * {@link TransportException} that names this limit.
     */
    public Builder responseTimeout(Duration timeout) {
      this.requestTimeout = requirePositive(timeout, "responseTimeout");
      return this;
    }

    /** The same as {@link #responseTimeout(Duration)}. */
    public Builder requestTimeout(Duration timeout) {
      return responseTimeout(timeout);
    }

    /**
     * The longest a read of a response body may wait for its next bytes (10 minutes by default:
     * more than a reasoning model stays silent before its first token, less than forever). Past it
     * the exchange is aborted and the read fails with a retryable {@link TransportException}, so a
     * connection that died without closing cannot hang a stream. Time the caller spends between
     * reads does not count.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = requirePositive(timeout, "readTimeout");
      return this;
    }

    /** No read timeout: a body read waits for bytes as long as the connection stays open. */
    public Builder noReadTimeout() {
      this.readTimeout = null;
      return this;
    }

    /** Uses the caller's client (proxy, TLS, executor settings) instead of creating one. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    public JdkHttpTransport build() {
      HttpClient client =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
      return new JdkHttpTransport(client, requestTimeout, nanosOrForever(readTimeout));
    }

    // Durations past Long.MAX_VALUE nanoseconds (about 292 years) are as good as none.
    private static long nanosOrForever(Duration timeout) {
      if (timeout == null) return Long.MAX_VALUE;
      try {
        return timeout.toNanos();
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }

    private static Duration requirePositive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }

  /** A response whose body is the JDK's streaming body, closable from any thread. */
  private static final class JdkHttpResponse implements HttpResponse {
    private final int status;
    private final HttpHeaders headers;
    private final AbortableBody body;

    JdkHttpResponse(int status, HttpHeaders headers, AbortableBody body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

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
      return body;
    }

    @Override
    public void close() {
      body.close();
    }

    @Override
    public String toString() {
      return "HttpResponse[" + status + ", headers=" + headers + "]";
    }
  }

  /**
   * The body stream; closing it cancels the JDK's body subscription, which aborts the exchange.
   * Reads after a close report cancellation instead of a misleading I/O failure. A read that waits
   * longer than the read timeout for bytes is ended the same way, by a watchdog, and reports a
   * timeout.
   */
  private static final class AbortableBody extends InputStream {
    private static final int OPEN = 0;
    private static final int CLOSED = 1;
    private static final int TIMED_OUT = 2;
    private static final int INTERRUPTED = 3;

    private final InputStream delegate;
    // OPEN until the caller closes the body (CLOSED) or the watchdog ends a read (TIMED_OUT),
    // whichever comes first: the other then finds nothing to do, so a close is never reported as
    // a (retryable) timeout, nor a timeout as a close.
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final long timeoutNanos;
    private final String exchange;
    private final ScheduledFuture<?> watchdog;
    // When the read in progress began waiting (System.nanoTime(), never 0); 0 between reads.
    private volatile long waitingSince;

    AbortableBody(InputStream delegate, long timeoutNanos, String exchange) {
      this.delegate = delegate;
      this.timeoutNanos = timeoutNanos;
      this.exchange = exchange;
      this.watchdog = timeoutNanos == Long.MAX_VALUE ? null : Watchdog.watch(this, timeoutNanos);
    }

    @Override
    public int read() throws IOException {
      ensureOpen();
      waitingSince = System.nanoTime() | 1;
      try {
        int b = delegate.read();
        if (b < 0) stopWatching();
        return b;
      } catch (IOException e) {
        throw cancelledOr(e);
      } finally {
        waitingSince = 0;
      }
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      ensureOpen();
      waitingSince = System.nanoTime() | 1;
      try {
        int n = delegate.read(target, offset, length);
        if (n < 0) stopWatching();
        return n;
      } catch (IOException e) {
        throw cancelledOr(e);
      } finally {
        waitingSince = 0;
      }
    }

    @Override
    public int available() throws IOException {
      ensureOpen();
      try {
        return delegate.available();
      } catch (IOException e) {
        throw cancelledOr(e);
      }
    }

    @Override
    public void close() {
      if (state.compareAndSet(OPEN, CLOSED)) abort();
    }

    /** Called by the watchdog: aborts a read that has waited too long. */
    void checkWaiting(long now) {
      long since = waitingSince;
      if (since != 0 && now - since > timeoutNanos && state.compareAndSet(OPEN, TIMED_OUT)) {
        abort();
      }
    }

    boolean isClosed() {
      return state.get() != OPEN;
    }

    private void abort() {
      stopWatching();
      try {
        delegate.close();
      } catch (IOException e) {
        // The exchange is being abandoned; there is nothing useful to report.
      }
    }

    private void stopWatching() {
      if (watchdog != null) watchdog.cancel(false);
    }

    private void ensureOpen() {
      if (Thread.currentThread().isInterrupted() && state.compareAndSet(OPEN, INTERRUPTED)) {
        abort();
      }
      int now = state.get();
      if (now == TIMED_OUT) throw timeout(null);
      if (now == CLOSED) throw new CancelledException("the response body was closed");
      if (now == INTERRUPTED) throw interrupted(null);
    }

    private IOException cancelledOr(IOException e) {
      if (e instanceof java.io.InterruptedIOException
          && Thread.currentThread().isInterrupted()
          && state.compareAndSet(OPEN, INTERRUPTED)) {
        abort();
      }
      int now = state.get();
      if (now == TIMED_OUT) throw timeout(e);
      if (now == CLOSED) throw new CancelledException("the response body was closed", e);
      if (now == INTERRUPTED) throw interrupted(e);
      return e;
    }

    // Thrown on the reading thread: its interrupt flag is set again, whatever the JDK did to it.
    private CancelledException interrupted(IOException cause) {
      Thread.currentThread().interrupt();
      return new CancelledException(
          exchange + ": interrupted while reading the response body; the exchange was aborted",
          cause);
    }

    private TransportException timeout(IOException cause) {
      return new TransportException(
          exchange
              + ": no bytes of the response body arrived for "
              + Duration.ofNanos(timeoutNanos)
              + " (the read timeout); the exchange was aborted",
          cause);
    }
  }

  /**
   * One daemon thread that looks at every open body's waiting read a few times per read timeout. It
   * holds bodies weakly, so a response dropped without being closed is not kept alive by it.
   */
  private static final class Watchdog {
    private static final ScheduledThreadPoolExecutor TIMER = newTimer();

    private static ScheduledThreadPoolExecutor newTimer() {
      var timer =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread t = new Thread(task, "reverie-read-timeout");
                t.setDaemon(true);
                return t;
              });
      // A finished response cancels its task; without this the task stays queued until due.
      timer.setRemoveOnCancelPolicy(true);
      return timer;
    }

    private Watchdog() {}

    static ScheduledFuture<?> watch(AbortableBody body, long timeoutNanos) {
      // Four looks per timeout: a stalled read ends between 1 and 1.25 timeouts after it began.
      long period = Math.max(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(10));
      WeakReference<AbortableBody> watched = new WeakReference<>(body);
      AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
      ScheduledFuture<?> future =
          TIMER.scheduleWithFixedDelay(
              () -> {
                AbortableBody b = watched.get();
                if (b == null || b.isClosed()) {
                  ScheduledFuture<?> f = self.get();
                  if (f != null) f.cancel(false);
                  return;
                }
                b.checkWaiting(System.nanoTime());
              },
              period,
              period,
              TimeUnit.NANOSECONDS);
      self.set(future);
      return future;
    }
  }
}
