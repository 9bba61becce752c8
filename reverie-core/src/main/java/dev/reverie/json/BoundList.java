package dev.reverie.json;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list view of a JSON array that binds each element when first read, so binding a
 * snapshot of a long array costs O(1) and an appended element does not rebuild the list.
 */
final class BoundList extends AbstractList<Object> implements RandomAccess {
  private final JsonArray array;
  private final Binding element;
  private final BoundElements finished;

  BoundList(JsonArray array, Binding element, BoundElements finished) {
    this.array = array;
    this.element = element;
    this.finished = finished;
  }

  @Override
  public Object get(int index) {
    Objects.checkIndex(index, array.size());
    if (index < array.finishedCount()) return finished.get(index, array, element);
    return element.bindOrAbsent(array.get(index));
  }

  @Override
  public int size() {
    return array.size();
  }
}
