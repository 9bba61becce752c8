package dev.reverie.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds to {@code Object} as plain Java: an unmodifiable ordered {@code Map} for an object, a
 * lazily bound immutable {@code List} for an array, {@code String}, {@code Integer}/{@code
 * Long}/{@code BigInteger} or {@code BigDecimal}, {@code Boolean}, and null.
 */
final class UntypedBinding extends MemoizingBinding {
  @Override
  Object create(JsonValue value) {
    if (value instanceof JsonString s) return s.value();
    if (value instanceof JsonNumber n) return ScalarBinding.natural(n);
    if (value instanceof JsonBoolean b) return b.value();
    if (value instanceof JsonObject object) {
      int n = object.size();
      Map<String, Object> map = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
      for (int i = 0; i < n; i++) map.put(object.nameAt(i), bind(object.valueAt(i)));
      return Collections.unmodifiableMap(map);
    }
    if (value instanceof JsonArray array) return new BoundList(array, this);
    return null;
  }
}
