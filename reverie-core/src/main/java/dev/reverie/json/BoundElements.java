package dev.reverie.json;

import java.util.Arrays;

/**
 * The Java objects bound so far from the finished elements of one growing array, by index,
 * shared by the lists bound from each of its snapshots (a finished element never changes).
 */
final class BoundElements {
  private Object[] bound = new Object[0];

  synchronized Object get(int index, JsonArray array, Binding element) {
    if (index >= bound.length) {
      bound = Arrays.copyOf(bound, Math.max(array.finishedCount(), Math.max(8, bound.length * 2)));
    }
    Object value = bound[index];
    if (value == null) {
      value = element.bindOrAbsent(array.get(index));
      bound[index] = value == null ? IdentityMemo.NULL : value;
    }
    return value == IdentityMemo.NULL ? null : value;
  }
}
