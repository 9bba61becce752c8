package dev.reverie.json;

import java.lang.reflect.Constructor;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Binds an array to a collection that cannot be a lazy list view: a {@code Set} (an unmodifiable
 * insertion-ordered set) or a concrete collection class made through its no-argument constructor.
 * Built eagerly, once per distinct array node.
 */
final class CollectionCopyBinding extends MemoizingBinding {
  private final Class<?> type;
  private final Constructor<?> constructor;
  private Binding element;

  CollectionCopyBinding(Class<?> type) {
    this.type = type;
    Constructor<?> noArguments = null;
    if (!type.isInterface() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
      try {
        noArguments = type.getDeclaredConstructor();
        noArguments.trySetAccessible();
      } catch (NoSuchMethodException e) {
        noArguments = null;
      }
    }
    this.constructor = noArguments;
  }

  /** Whether this binding can make {@code type}. */
  static boolean canMake(Class<?> type) {
    if (type.isAssignableFrom(LinkedHashSet.class)) return true;
    if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers()))
      return false;
    try {
      type.getDeclaredConstructor();
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  void resolve(Binding elementBinding) {
    this.element = elementBinding;
  }

  @Override
  @SuppressWarnings("unchecked")
  Object create(JsonValue value) {
    if (!(value instanceof JsonArray array)) return null;
    Collection<Object> target;
    boolean readOnly = constructor == null;
    try {
      target = readOnly ? new LinkedHashSet<>() : (Collection<Object>) constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new JsonBindingException("cannot construct " + type.getName() + ": " + e, e);
    }
    int n = array.size();
    for (int i = 0; i < n; i++) target.add(element.bindOrAbsent(array.get(i)));
    return readOnly ? Collections.unmodifiableSet((Set<Object>) target) : target;
  }
}
