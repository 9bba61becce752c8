package dev.reverie.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON number, kept as the exact text the model wrote; always complete (a number is only shown
 * once a delimiter or the end of input proves it finished).
 *
 * <p>Equality is numeric: {@code 1}, {@code 1.0} and {@code 1e0} are equal.
 */
public final class JsonNumber implements JsonValue {
  private final String text;
  private BigDecimal decimal;
  // What a TypedBinder's scalar binding last made of this number; see BoundResult.
  BoundResult bound;

  JsonNumber(String text) {
    this.text = text;
  }

  /** The number written as {@code text}, which must be JSON number syntax. */
  public static JsonNumber of(String text) {
    Objects.requireNonNull(text, "text");
    JsonValue parsed;
    try {
      parsed = JsonValue.parse(text);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("not a JSON number: " + text, e);
    }
    if (!(parsed instanceof JsonNumber number) || !number.text.equals(text)) {
      throw new IllegalArgumentException("not a JSON number: " + text);
    }
    return number;
  }

  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value));
  }

  public static JsonNumber of(BigInteger value) {
    return new JsonNumber(value.toString());
  }

  public static JsonNumber of(BigDecimal value) {
    return new JsonNumber(value.toString());
  }

  /** The number closest to a finite double. */
  public static JsonNumber of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no " + value);
    }
    return new JsonNumber(Double.toString(value));
  }

  /** The number exactly as written. */
  public String text() {
    return text;
  }

  /** Whether it was written as an integer: no fraction and no exponent. */
  public boolean isIntegral() {
    String t = text;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') return false;
    }
    return true;
  }

  /** The exact value. */
  public BigDecimal bigDecimal() {
    BigDecimal d = decimal;
    if (d == null) {
      d = new BigDecimal(text);
      decimal = d;
    }
    return d;
  }

  /**
   * The value as a long.
   *
   * @throws ArithmeticException when it is not an integer or does not fit in a long
   */
  public long longValue() {
    if (text.length() <= 18 && isIntegral()) return Long.parseLong(text);
    return bigDecimal().longValueExact();
  }

  /** Whether {@link #longValue()} would succeed. */
  public boolean fitsInLong() {
    if (text.length() <= 18 && isIntegral()) return true;
    BigDecimal d = bigDecimal();
    if (d.signum() == 0) return true;
    if (d.precision() - d.scale() > 19) return false;
    try {
      d.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  /** The nearest double (infinite when out of range). */
  public double doubleValue() {
    return Double.parseDouble(text);
  }

  @Override
  public JsonKind kind() {
    return JsonKind.NUMBER;
  }

  @Override
  public boolean complete() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof JsonNumber other)) return false;
    return text.equals(other.text) || bigDecimal().compareTo(other.bigDecimal()) == 0;
  }

  @Override
  public int hashCode() {
    BigDecimal d = bigDecimal();
    if (d.signum() == 0) return 0;
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
      return Long.hashCode(stripped.longValueExact());
    }
    return stripped.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
