package dev.reverie.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.transport.HttpHeaders;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every delay a server can send becomes a usable number: absent, or saturated, never overflowing.
 */
class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  @ParameterizedTest(name = "retry-after: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2 | 2000",
        "0 | 0",
        "1.5 | 1500",
        "1e300 | " + RetryAfter.MAX_MILLIS,
        "9223372036854775807 | " + RetryAfter.MAX_MILLIS,
        "9223372036854775 | " + RetryAfter.MAX_MILLIS,
        "Infinity | " + RetryAfter.MAX_MILLIS,
        "inf | " + RetryAfter.MAX_MILLIS,
        "-Infinity | -1",
        "NaN | -1",
        "-1 | -1",
        "0x10 | -1",
        "10s | -1",
        "soon | -1",
        "Thu, 03 Dec 2026 12:00:30 GMT | 30000",
        "Thu, 03 Dec 2026 11:00:00 GMT | 0",
        "Fri, 31 Dec 9999 23:59:59 GMT | " + RetryAfter.MAX_MILLIS,
      })
  void retryAfterSeconds(String value, long expected) {
    assertThat(RetryAfter.millis(HttpHeaders.of("Retry-After", value), NOW)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "retry-after-ms: {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1500 | 1500",
        "1e300 | " + RetryAfter.MAX_MILLIS,
        "Infinity | " + RetryAfter.MAX_MILLIS,
        // Unusable milliseconds fall back to retry-after (3 s here).
        "NaN | 3000",
        "-5 | 3000",
        "garbage | 3000",
      })
  void retryAfterMillisFallsBackToRetryAfterWhenUnusable(String value, long expected) {
    var headers = HttpHeaders.of("retry-after-ms", value).with("retry-after", "3");
    assertThat(RetryAfter.millis(headers, NOW)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void theCapLeavesRoomForNanosecondArithmetic() {
    long nanos = java.time.Duration.ofMillis(RetryAfter.MAX_MILLIS).toNanos();
    assertThat(nanos).isPositive();
    assertThat(Math.addExact(nanos, nanos)).isPositive();
  }
}
