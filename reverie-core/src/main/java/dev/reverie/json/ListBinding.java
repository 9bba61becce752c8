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

  /**
   * The open array's finished elements, shared with its container, and the element being written,
   * captured to be bound when read: a partial after each delta builds no snapshot below the list.
   */
  @Override
  Object bindOpen(OpenContainer container, IncrementalJsonParser parser, int level) {
    if (container.object) return null;
    int below = level + 1;
    OpenPathCapture open = below < parser.openDepth() ? parser.captureFrom(below) : null;
    return new OpenBoundList(
        container.values(), container.count(), element, open, parser.openLeaf());
  }

  @Override
  Object create(JsonValue value) {
    return value instanceof JsonArray array ? new BoundList(array, element) : null;
  }
}
