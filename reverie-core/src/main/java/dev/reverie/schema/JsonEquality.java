package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON equality as JSON Schema defines it for {@code enum}, {@code const} and {@code uniqueItems}:
 * numbers compare by value ({@code 1 == 1.0}), objects ignore key order.
 *
 * <p>Callers bound the depth of the values they pass (see {@link SchemaValidator}).
 */
final class JsonEquality {
  private JsonEquality() {}

  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal left = decimal(a);
      BigDecimal right = decimal(b);
      if (left == null || right == null) {
        return a.doubleValue() == b.doubleValue();
      }
      return left.compareTo(right) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> entry : a.properties()) {
        JsonNode other = b.get(entry.getKey());
        if (other == null || !equal(entry.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isTextual() && b.isTextual()) {
      return a.asText().equals(b.asText());
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  /**
   * A string that is equal for two values exactly when {@link #equal} holds, so that {@code
   * uniqueItems} can use a hash set instead of comparing every pair.
   */
  static String canonicalKey(JsonNode value) {
    var out = new StringBuilder();
    appendCanonical(value, out);
    return out.toString();
  }

  private static void appendCanonical(JsonNode value, StringBuilder out) {
    if (value.isNumber()) {
      BigDecimal decimal = decimal(value);
      out.append('n').append(decimal == null ? value.asText() : canonical(decimal)).append(';');
    } else if (value.isObject()) {
      List<String> names = new ArrayList<>();
      value.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (String name : names) {
        out.append(quote(name)).append(':');
        appendCanonical(value.get(name), out);
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (JsonNode element : value) {
        appendCanonical(element, out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      out.append(quote(value.asText()));
    } else {
      out.append(value.getNodeType()).append(':').append(value.asText()).append(';');
    }
  }

  private static String canonical(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toString();
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The exact value of a number, or {@code null} for NaN and infinities. */
  static BigDecimal decimal(JsonNode number) {
    if (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue())) {
      return number.isBigDecimal() ? number.decimalValue() : null;
    }
    return number.decimalValue();
  }
}
