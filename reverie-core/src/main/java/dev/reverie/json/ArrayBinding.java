package dev.reverie.json;

import java.lang.reflect.Array;

/**
 * Binds an array to a Java array (of objects or primitives). Built eagerly, once per distinct array
 * node; callers must not modify the result, which a later snapshot may share.
 */
final class ArrayBinding extends MemoizingBinding {
  private final Class<?> componentType;
  private final Binding element;

  ArrayBinding(Class<?> componentType, Binding element) {
    this.componentType = componentType;
    this.element = element;
  }

  @Override
  Object create(JsonValue value) {
    if (!(value instanceof JsonArray array)) return null;
    int n = array.size();
    Object result = Array.newInstance(componentType, n);
    for (int i = 0; i < n; i++) {
      Object bound = element.bindOrAbsent(array.get(i));
      if (bound != null) Array.set(result, i, bound);
    }
    return result;
  }
}
