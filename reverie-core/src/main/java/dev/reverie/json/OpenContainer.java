package dev.reverie.json;

import java.util.Arrays;

/**
 * An object or array the parser is inside of: its finished members so far, in an append-only store
 * that its snapshots share.
 *
 * <p>The store only ever grows: a slot is written once, before any snapshot can see it, and growth
 * copies into a new array, so an older snapshot keeps reading an unchanged prefix of the array it
 * was given.
 */
final class OpenContainer {
  private static final int FIRST_CAPACITY = 4;

  final boolean object;
  /** The JSON Pointer of this container. */
  final String path;

  private final Object lineage;
  private JsonValue[] values = JsonArray.NO_VALUES;
  private String[] names = JsonObject.NO_NAMES;
  private int count;
  private MemberIndex index;
  /** In an object: the name of the member whose value is being read, once the name is closed. */
  String pendingName;

  OpenContainer(boolean object, String path) {
    this.object = object;
    this.path = path;
    this.lineage = object ? null : new Object();
  }

  /** The pointer of the member or element being started now. */
  String childPath() {
    return object ? JsonPointer.child(path, pendingName) : JsonPointer.child(path, count);
  }

  void append(JsonValue value) {
    if (count == values.length) grow();
    values[count] = value;
    if (object) {
      names[count] = pendingName;
      if (index != null) index.add(pendingName, count);
      else if (count + 1 >= MemberIndex.THRESHOLD) index = MemberIndex.of(names, count + 1);
      pendingName = null;
    }
    count++;
  }

  private void grow() {
    int capacity = Math.max(FIRST_CAPACITY, values.length * 2);
    values = Arrays.copyOf(values, capacity);
    if (object) names = Arrays.copyOf(names, capacity);
  }

  /** An immutable view of this container as it stands, with {@code openLast} still being written. */
  JsonValue snapshot(JsonValue openLast) {
    if (count == 0 && openLast == null) return object ? JsonObject.EMPTY_OPEN : JsonArray.EMPTY_OPEN;
    if (object) {
      return new JsonObject(
          names, values, count, index, openLast == null ? null : pendingName, openLast, false);
    }
    return new JsonArray(values, count, openLast, false, lineage);
  }

  /** The complete value, once the closing bracket is read. */
  JsonValue finish() {
    if (count == 0) return object ? JsonObject.EMPTY : JsonArray.EMPTY;
    if (object) return new JsonObject(names, values, count, index, null, null, true);
    return new JsonArray(values, count, null, true, lineage);
  }
}
