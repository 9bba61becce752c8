package dev.reverie.cassette;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Formats durations the way Go's {@code time.Duration.String} does, e.g. {@code 1.5s}, {@code
 * 850ms}.
 */
final class GoDuration {
  private GoDuration() {}

  static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) return "0s";
    String sign = nanos < 0 ? "-" : "";
    nanos = Math.abs(nanos);
    if (nanos < 1_000) return sign + nanos + "ns";
    if (nanos < 1_000_000) return sign + decimal(nanos, 3) + "µs";
    if (nanos < 1_000_000_000) return sign + decimal(nanos, 6) + "ms";
    long hours = nanos / 3_600_000_000_000L;
    long minutes = nanos / 60_000_000_000L % 60;
    long secondsNanos = nanos % 60_000_000_000L;
    var text = new StringBuilder(sign);
    if (hours > 0) text.append(hours).append('h');
    if (hours > 0 || minutes > 0) text.append(minutes).append('m');
    return text.append(decimal(secondsNanos, 9)).append('s').toString();
  }

  private static String decimal(long value, int scale) {
    BigDecimal result = BigDecimal.valueOf(value, scale).stripTrailingZeros();
    return result.scale() < 0 ? result.toBigInteger().toString() : result.toPlainString();
  }
}
