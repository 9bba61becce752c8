package dev.reverie.json;

/**
 * A binding whose result for a container is remembered on the container node ({@link BoundResult}),
 * so an unchanged subtree of a new snapshot yields the very object bound from the previous
 * snapshot, at the cost of a field read.
 */
abstract class MemoizingBinding extends Binding {
  @Override
  Object bind(JsonValue value) {
    BoundResult known = BoundResult.of(value);
    if (known != null && known.binding == this) return known.value;
    Object made = create(value);
    // The shared empty values of Added changes are not worth pinning a binder to.
    if (JsonTrees.isContainer(value)
        && value != JsonObject.EMPTY_OPEN
        && value != JsonArray.EMPTY_OPEN) {
      BoundResult.remember(value, this, made);
    }
    return made;
  }

  @Override
  Object bindFresh(JsonValue value) {
    return create(value);
  }

  /** Makes the result afresh. */
  abstract Object create(JsonValue value);
}
