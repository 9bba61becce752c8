package dev.reverie.json;

/**
 * How a {@link TypedBinder} turns a JSON value into one Java type; one instance per target type,
 * built once when the binder is made.
 */
abstract class Binding {
  /** The Java value, or null when the value's kind does not fit the type (or is JSON null). */
  abstract Object bind(JsonValue value);

  /** What stands for a missing or unfitting value: null, or a primitive's zero, or empty. */
  Object absent() {
    return null;
  }

  /** {@link #bind} with {@link #absent()} for a missing ({@code null}) or unfitting value. */
  final Object bindOrAbsent(JsonValue value) {
    Object bound = value == null ? null : bind(value);
    return bound == null ? absent() : bound;
  }
}
