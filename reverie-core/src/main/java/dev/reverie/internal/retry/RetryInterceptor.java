package dev.reverie.internal.retry;

import dev.reverie.RetryPolicy;
import dev.reverie.error.CancelledException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.TransportException;
import dev.reverie.internal.http.RetryAfter;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Interceptor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Retries an HTTP exchange by a {@link RetryPolicy}: retryable statuses and connection failures
 * before a response arrives, with exponential backoff and jitter, honouring the server's {@code
 * retry-after-ms} / {@code retry-after}.
 *
 * <p>Decisions are made on the status and headers only, before the body is read, so streamed bodies
 * are never replayed. The discarded error responses are closed. Waiting is interruptible: an
 * interrupt ends the exchange with a {@link CancelledException}. Thread-safe; keeps no state
 * between exchanges.
 */
public final class RetryInterceptor implements Interceptor {
  /** Waits; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final LongSupplier nanoClock;
  private final DoubleSupplier random;

  public RetryInterceptor(RetryPolicy policy) {
    this(
        policy,
        duration -> Thread.sleep(duration.toMillis()),
        System::nanoTime,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param sleeper how to wait
   * @param nanoClock a monotonic clock in nanoseconds, for the deadline
   * @param random values in [0, 1) for the jitter
   */
  public RetryInterceptor(
      RetryPolicy policy, Sleeper sleeper, LongSupplier nanoClock, DoubleSupplier random) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public HttpResponse intercept(HttpRequest request, Chain chain) {
    long start = nanoClock.getAsLong();
    int retries = 0;
    while (true) {
      HttpResponse response;
      try {
        response = chain.proceed(request);
      } catch (CancelledException e) {
        throw e;
      } catch (TransportException e) {
        if (!e.isRetryable() || retries >= policy.maxRetries()) throw e;
        Duration wait = computedWait(retries + 1);
        if (!withinDeadline(start, wait)) throw e;
        sleep(wait);
        retries++;
        continue;
      }
      Duration wait;
      try {
        if (!shouldRetry(response) || retries >= policy.maxRetries()) return response;
        long asked = RetryAfter.millis(response.headers());
        wait = asked >= 0 ? Duration.ofMillis(asked) : computedWait(retries + 1);
        // A server asking for longer than the deadline allows gets its answer back now: the
        // caller sees the 429 as a ProviderException rather than a sleep past the deadline.
        if (!withinDeadline(start, wait)) return response;
      } catch (RuntimeException e) {
        response.close();
        throw e;
      }
      response.close();
      sleep(wait);
      retries++;
    }
  }

  private static boolean shouldRetry(HttpResponse response) {
    var explicit = response.headers().first("x-should-retry");
    if (explicit.isPresent()) {
      String value = explicit.get().trim();
      if (value.equalsIgnoreCase("true")) return true;
      if (value.equalsIgnoreCase("false")) return false;
    }
    return ProviderException.isRetryableStatus(response.status());
  }

  private Duration computedWait(int retry) {
    Duration base = policy.backoff(retry);
    double fraction = 1 - policy.jitter() * random.getAsDouble();
    return Duration.ofMillis((long) (base.toMillis() * fraction));
  }

  /** Whether waiting {@code wait} more still starts the next attempt within the deadline. */
  private boolean withinDeadline(long start, Duration wait) {
    // Durations compare without overflow, whatever their size.
    Duration elapsed = Duration.ofNanos(Math.max(0, nanoClock.getAsLong() - start));
    return elapsed.plus(wait).compareTo(policy.deadline()) <= 0;
  }

  private void sleep(Duration wait) {
    if (wait.isZero() || wait.isNegative()) {
      if (Thread.currentThread().isInterrupted()) throw new CancelledException("interrupted");
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException("interrupted while waiting to retry", e);
    }
  }
}
