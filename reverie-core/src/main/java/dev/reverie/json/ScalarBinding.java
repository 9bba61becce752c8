package dev.reverie.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Binds strings, numbers, booleans and chars. A number binds to an integer type only when its value
 * is an exact integer in range ({@code 2.0} binds to 2, {@code 2.5} does not); any other misfit
 * binds to null (a primitive's zero inside a record).
 */
final class ScalarBinding extends Binding {
  // Past this many integer digits a BigInteger is refused: "1e999999999" is not data.
  private static final int MAX_INTEGER_DIGITS = 10_000;

  private enum Target {
    STRING,
    CHAR,
    BOOLEAN,
    BYTE,
    SHORT,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BIG_INTEGER,
    BIG_DECIMAL,
    NUMBER
  }

  private final Target target;
  private final Object absent;

  private ScalarBinding(Target target, Object absent) {
    this.target = target;
    this.absent = absent;
  }

  /** The binding for {@code type}, or null when it is not a scalar type. */
  static ScalarBinding forType(Class<?> type) {
    if (type == String.class || type == CharSequence.class)
      return new ScalarBinding(Target.STRING, null);
    if (type == boolean.class) return new ScalarBinding(Target.BOOLEAN, false);
    if (type == Boolean.class) return new ScalarBinding(Target.BOOLEAN, null);
    if (type == char.class) return new ScalarBinding(Target.CHAR, '\0');
    if (type == Character.class) return new ScalarBinding(Target.CHAR, null);
    if (type == byte.class) return new ScalarBinding(Target.BYTE, (byte) 0);
    if (type == Byte.class) return new ScalarBinding(Target.BYTE, null);
    if (type == short.class) return new ScalarBinding(Target.SHORT, (short) 0);
    if (type == Short.class) return new ScalarBinding(Target.SHORT, null);
    if (type == int.class) return new ScalarBinding(Target.INT, 0);
    if (type == Integer.class) return new ScalarBinding(Target.INT, null);
    if (type == long.class) return new ScalarBinding(Target.LONG, 0L);
    if (type == Long.class) return new ScalarBinding(Target.LONG, null);
    if (type == float.class) return new ScalarBinding(Target.FLOAT, 0f);
    if (type == Float.class) return new ScalarBinding(Target.FLOAT, null);
    if (type == double.class) return new ScalarBinding(Target.DOUBLE, 0d);
    if (type == Double.class) return new ScalarBinding(Target.DOUBLE, null);
    if (type == BigInteger.class) return new ScalarBinding(Target.BIG_INTEGER, null);
    if (type == BigDecimal.class) return new ScalarBinding(Target.BIG_DECIMAL, null);
    if (type == Number.class) return new ScalarBinding(Target.NUMBER, null);
    return null;
  }

  @Override
  Object absent() {
    return absent;
  }

  @Override
  Object bind(JsonValue value) {
    switch (target) {
      case STRING:
        return value instanceof JsonString s ? s.value() : null;
      case CHAR:
        return value instanceof JsonString s && s.complete() && s.length() == 1
            ? s.value().charAt(0)
            : null;
      case BOOLEAN:
        return value instanceof JsonBoolean b ? b.value() : null;
      default:
        return value instanceof JsonNumber n ? rememberedNumber(n) : null;
    }
  }

  // Snapshots share unchanged number nodes, so each number is converted once per binding.
  private Object rememberedNumber(JsonNumber n) {
    BoundResult known = n.bound;
    if (known != null && known.binding == this) return known.value;
    Object made = number(n);
    n.bound = new BoundResult(this, made);
    return made;
  }

  private Object number(JsonNumber n) {
    switch (target) {
      case FLOAT:
        return (float) n.doubleValue();
      case DOUBLE:
        return n.doubleValue();
      case BIG_DECIMAL:
        return n.bigDecimal();
      case BIG_INTEGER:
        return bigInteger(n);
      case NUMBER:
        return natural(n);
      default:
        break;
    }
    Long exact = exactLong(n);
    if (exact == null) return null;
    long v = exact;
    return switch (target) {
      case BYTE -> v == (byte) v ? (Object) (byte) v : null;
      case SHORT -> v == (short) v ? (Object) (short) v : null;
      case INT -> v == (int) v ? (Object) (int) v : null;
      default -> (Object) v;
    };
  }

  static Long exactLong(JsonNumber n) {
    return n.fitsInLong() ? n.longValue() : null;
  }

  static BigInteger bigInteger(JsonNumber n) {
    if (n.isIntegral()) return new BigInteger(n.text());
    BigDecimal d = n.bigDecimal();
    if (d.signum() == 0) return BigInteger.ZERO;
    if ((long) d.precision() - d.scale() > MAX_INTEGER_DIGITS) return null;
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** The number as Jackson reads it untyped: Integer, Long or BigInteger; else BigDecimal. */
  static Number natural(JsonNumber n) {
    if (!n.isIntegral()) return n.bigDecimal();
    if (n.fitsInLong()) {
      long v = n.longValue();
      return v == (int) v ? (Number) (int) v : (Number) v;
    }
    return new BigInteger(n.text());
  }
}
