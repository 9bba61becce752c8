package dev.reverie;

import dev.reverie.internal.retry.RetryInterceptor;
import dev.reverie.transport.Interceptor;
import java.time.Duration;
import java.util.Objects;

/**
 * How failed HTTP exchanges are retried: which attempts, how long to wait, when to give up.
 *
 * <p>Retried: statuses 408, 409, 429 and 5xx (or any status whose {@code x-should-retry} header
 * says {@code true}; {@code false} forbids a retry), and connection failures before a response
 * arrives. Never retried: other statuses, failures after the first byte of a 2xx body (a stream cut
 * in the middle surfaces as an error part), and cancellation. The wait before retry {@code n} (from
 * 1) is what the server asked for in {@code retry-after-ms} or {@code retry-after} (any header
 * case), else {@code initialDelay × backoffFactor^(n-1)} capped at {@code maxDelay} and shortened
 * by a random fraction of up to {@code jitter}. When the retries are used up, or the next wait
 * would pass the {@code deadline} measured from the first attempt, the last error stands: the last
 * error response is returned to the provider, which maps it to its typed exception, or the last
 * connection failure is thrown.
 *
 * @param maxRetries retries after the first attempt; 0 turns retrying off
 * @param initialDelay the wait before the first retry without a server-given delay
 * @param backoffFactor how much each further wait grows, at least 1
 * @param maxDelay the longest computed wait (server-given waits are honoured up to the deadline)
 * @param jitter the largest fraction, from 0 to 1, taken off a computed wait at random
 * @param deadline the longest time from the first attempt to the start of the last one
 */
public record RetryPolicy(
    int maxRetries,
    Duration initialDelay,
    double backoffFactor,
    Duration maxDelay,
    double jitter,
    Duration deadline) {

  public RetryPolicy {
    if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(deadline, "deadline");
    if (initialDelay.isNegative() || maxDelay.isNegative() || deadline.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (!(backoffFactor >= 1))
      throw new IllegalArgumentException("backoffFactor must be at least 1");
    if (!(jitter >= 0 && jitter <= 1))
      throw new IllegalArgumentException("jitter must be in [0, 1]");
  }

  /** 2 retries, waits from 0.5 s doubling up to 8 s with 25% jitter, within 60 s overall. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        2, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), 0.25, Duration.ofSeconds(60));
  }

  /** No retries. */
  public static RetryPolicy none() {
    return defaults().withMaxRetries(0);
  }

  public RetryPolicy withMaxRetries(int value) {
    return new RetryPolicy(value, initialDelay, backoffFactor, maxDelay, jitter, deadline);
  }

  public RetryPolicy withInitialDelay(Duration value) {
    return new RetryPolicy(maxRetries, value, backoffFactor, maxDelay, jitter, deadline);
  }

  public RetryPolicy withBackoffFactor(double value) {
    return new RetryPolicy(maxRetries, initialDelay, value, maxDelay, jitter, deadline);
  }

  public RetryPolicy withMaxDelay(Duration value) {
    return new RetryPolicy(maxRetries, initialDelay, backoffFactor, value, jitter, deadline);
  }

  public RetryPolicy withJitter(double value) {
    return new RetryPolicy(maxRetries, initialDelay, backoffFactor, maxDelay, value, deadline);
  }

  public RetryPolicy withDeadline(Duration value) {
    return new RetryPolicy(maxRetries, initialDelay, backoffFactor, maxDelay, jitter, value);
  }

  /** The computed wait before retry {@code retry} (from 1), before jitter. */
  public Duration backoff(int retry) {
    if (retry < 1) throw new IllegalArgumentException("retry counts from 1");
    double millis = initialDelay.toMillis() * Math.pow(backoffFactor, retry - 1);
    return Duration.ofMillis((long) Math.min(millis, (double) maxDelay.toMillis()));
  }

  /** An interceptor applying this policy, to put on a transport: {@code transport.with(...)}. */
  public Interceptor interceptor() {
    return new RetryInterceptor(this);
  }
}
