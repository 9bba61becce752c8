package dev.reverie.internal.http;

import dev.reverie.transport.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reads the delay a server asks for: {@code retry-after-ms}, else {@code retry-after}. */
public final class RetryAfter {
  private RetryAfter() {}

  /** The delay in milliseconds, or -1 when no usable header is present. Header case is ignored. */
  public static long millis(HttpHeaders headers) {
    var ms = headers.first("retry-after-ms");
    if (ms.isPresent()) {
      try {
        double v = Double.parseDouble(ms.get().trim());
        if (v >= 0) return (long) v;
      } catch (NumberFormatException ignored) {
        // fall through to retry-after
      }
    }
    var after = headers.first("retry-after");
    if (after.isEmpty()) return -1;
    String value = after.get().trim();
    try {
      double seconds = Double.parseDouble(value);
      return seconds < 0 ? -1 : (long) (seconds * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        var date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Math.max(0, Duration.between(Instant.now(), date).toMillis());
      } catch (RuntimeException notDate) {
        return -1;
      }
    }
  }
}
