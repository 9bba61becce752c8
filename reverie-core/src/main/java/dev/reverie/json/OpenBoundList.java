package dev.reverie.json;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The list bound from an array the parser is inside of, without a snapshot: its finished elements
 * (from the container's append-only store, with the count seen) bound when read and remembered on
 * their nodes, as in {@link BoundList}, then the element being written, whose snapshot is built
 * from an {@link OpenPathCapture} and bound only when first read. Immutable.
 */
final class OpenBoundList extends AbstractList<Object> implements RandomAccess {
  private final JsonValue[] finished;
  private final int finishedCount;
  private final Binding element;
  // The element being written: its containers as captured, then the string being written at the
  // innermost level; both null when no element is being written.
  private final OpenPathCapture lastContainers;
  private final JsonValue leaf;
  // The element being written, once bound, in a holder with final fields so that a reader on
  // another thread sees it whole (arrays and POJOs have no final fields of their own). Racy but
  // safe: a race binds it twice, equally.
  private BoundResult lastBound;

  OpenBoundList(
      JsonValue[] finished,
      int finishedCount,
      Binding element,
      OpenPathCapture lastContainers,
      JsonValue leaf) {
    this.finished = finished;
    this.finishedCount = finishedCount;
    this.element = element;
    this.lastContainers = lastContainers;
    this.leaf = leaf;
  }

  @Override
  public Object get(int index) {
    Objects.checkIndex(index, size());
    if (index < finishedCount) return element.bindOrAbsent(finished[index]);
    BoundResult bound = lastBound;
    if (bound == null) {
      JsonValue last = lastContainers == null ? leaf : lastContainers.snapshot(leaf);
      bound = new BoundResult(element, element.bindOrAbsent(last));
      lastBound = bound;
    }
    return bound.value;
  }

  @Override
  public int size() {
    return lastContainers != null || leaf != null ? finishedCount + 1 : finishedCount;
  }
}
