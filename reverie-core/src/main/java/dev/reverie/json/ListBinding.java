package dev.reverie.json;

/**
 * Binds an array to a {@code List}, {@code Collection} or {@code Iterable} as a lazily bound
 * immutable view ({@link BoundList}).
 */
final class ListBinding extends MemoizingBinding {
  private Binding element;

  void resolve(Binding elementBinding) {
    this.element = elementBinding;
  }

  @Override
  Object create(JsonValue value) {
    return value instanceof JsonArray array ? new BoundList(array, element) : null;
  }
}
