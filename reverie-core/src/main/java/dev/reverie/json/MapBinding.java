package dev.reverie.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds an object to an unmodifiable, ordered {@code Map} from member name to bound value (the last
 * value wins for a repeated name). Built once per distinct object node; values are bound through
 * their own (memoised) bindings.
 */
final class MapBinding extends MemoizingBinding {
  private Binding value;

  void resolve(Binding valueBinding) {
    this.value = valueBinding;
  }

  @Override
  Object create(JsonValue node) {
    if (!(node instanceof JsonObject object)) return null;
    int n = object.size();
    Map<String, Object> map = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
    for (int i = 0; i < n; i++) map.put(object.nameAt(i), value.bindOrAbsent(object.valueAt(i)));
    return Collections.unmodifiableMap(map);
  }
}
