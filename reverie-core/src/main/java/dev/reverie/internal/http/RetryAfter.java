package dev.reverie.internal.http;

import dev.reverie.transport.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the delay a server asks for: {@code retry-after-ms}, else {@code retry-after} (seconds or
 * an HTTP date).
 *
 * <p>Whatever the server sends, the result is a usable number: NaN, negative, unparsable values
 * count as absent, and huge, infinite or far-future ones saturate at {@link #MAX_MILLIS}, so that
 * no caller's arithmetic on them can overflow (a retry policy then gives up, since no deadline is
 * that long).
 */
public final class RetryAfter {
  /**
   * The longest delay reported: about 106 days in milliseconds, far past any retry deadline, and
   * small enough that its nanoseconds (and sums of a few of them) fit in a {@code long}.
   */
  public static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L / 1_000L;

  private RetryAfter() {}

  /** The delay in milliseconds, or -1 when no usable header is present. Header case is ignored. */
  public static long millis(HttpHeaders headers) {
    return millis(headers, Instant.now());
  }

  /** As {@link #millis(HttpHeaders)}, with HTTP dates measured from {@code now}. */
  static long millis(HttpHeaders headers, Instant now) {
    var ms = headers.first("retry-after-ms");
    if (ms.isPresent()) {
      long value = saturated(number(ms.get()), 1);
      if (value >= 0) return value;
    }
    var after = headers.first("retry-after");
    if (after.isEmpty()) return -1;
    String text = after.get().trim();
    double seconds = number(text);
    if (!Double.isNaN(seconds)) return saturated(seconds, 1000);
    try {
      Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      if (!date.isAfter(now)) return 0;
      Duration wait = Duration.between(now, date);
      return wait.compareTo(Duration.ofMillis(MAX_MILLIS)) >= 0 ? MAX_MILLIS : wait.toMillis();
    } catch (RuntimeException notDate) {
      return -1;
    }
  }

  /** The number in {@code text}, or NaN when it is not one (hex and suffixes are not numbers). */
  private static double number(String text) {
    String trimmed = text.trim();
    if (trimmed.matches("(?i)\\+?inf(inity)?")) return Double.POSITIVE_INFINITY;
    if (trimmed.isEmpty() || !trimmed.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(trimmed);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** {@code value × unitMillis} in milliseconds, capped; -1 for NaN or a negative value. */
  private static long saturated(double value, double unitMillis) {
    if (Double.isNaN(value) || value < 0) return -1;
    double millis = value * unitMillis;
    return millis >= MAX_MILLIS ? MAX_MILLIS : (long) millis;
  }
}
