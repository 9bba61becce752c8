package dev.reverie.json;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list view of a JSON array that binds each element when read, so binding a snapshot
 * of a long array costs O(1) and an appended element does not rebuild the list. Element results are
 * remembered on the element nodes, which later snapshots share, so the views of successive
 * snapshots hand out the same element objects.
 */
final class BoundList extends AbstractList<Object> implements RandomAccess {
  private final JsonArray array;
  private final Binding element;

  BoundList(JsonArray array, Binding element) {
    this.array = array;
    this.element = element;
  }

  @Override
  public Object get(int index) {
    Objects.checkIndex(index, array.size());
    return element.bindOrAbsent(array.get(index));
  }

  @Override
  public int size() {
    return array.size();
  }
}
