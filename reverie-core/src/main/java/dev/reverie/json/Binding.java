package dev.reverie.json;

/**
 * How a {@link TypedBinder} turns a JSON value into one Java type; one instance per target type,
 * built once when the binder is made.
 */
abstract class Binding {
  /** The Java value, or null when the value's kind does not fit the type (or is JSON null). */
  abstract Object bind(JsonValue value);

  /**
   * {@link #bind} for a node made just now for this call, which nobody else has seen: there is no
   * remembered result to find on it, and none worth remembering.
   */
  Object bindFresh(JsonValue value) {
    return bind(value);
  }

  /**
   * Binds the open container at {@code level} of {@code parser} (see {@link OpenPath}); null when
   * it does not fit. By default from a snapshot of that level; records and lists bind from the
   * container itself.
   */
  Object bindOpen(OpenContainer container, IncrementalJsonParser parser, int level) {
    return bindFresh(parser.openSnapshot(level));
  }

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
