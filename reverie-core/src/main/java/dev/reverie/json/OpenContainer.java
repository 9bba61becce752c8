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
  // Every element's change carries its index as text; the common ones are made once.
  private static final String[] SMALL_INDEXES = new String[1024];

  static {
    for (int i = 0; i < SMALL_INDEXES.length; i++) SMALL_INDEXES[i] = Integer.toString(i);
  }

  final boolean object;

  /** Pointers longer than this are not kept: a deep stack of them would hold O(depth²) chars. */
  static final int LONGEST_KEPT_PATH = 4096;

  /** This container's reference token in its parent (null for the root). */
  final String token;

  /** This container's JSON Pointer, when short enough to keep; else null (rebuilt from tokens). */
  final String path;

  private final Object lineage;
  private JsonValue[] values = JsonArray.NO_VALUES;
  private String[] names = JsonObject.NO_NAMES;
  private int count;
  private MemberIndex index;

  /** In an object: the name of the member whose value is being read, once the name is closed. */
  String pendingName;

  /** What a binder keeps while binding this container level by level; see OpenPath. */
  Object bindingState;

  // The last capture made of this container and the levels below it; see capture.
  private OpenPathCapture lastCapture;

  OpenContainer(boolean object, String token, String path) {
    this.object = object;
    this.token = token;
    this.path = path.length() <= LONGEST_KEPT_PATH ? path : null;
    this.lineage = object ? null : new Object();
  }

  /** How many members (or elements) are finished. */
  int count() {
    return count;
  }

  /** The name of finished member {@code i}. */
  String nameAt(int i) {
    return names[i];
  }

  /**
   * The store of finished values: slots below {@link #count()} never change, so a view may keep it
   * with the count it saw (as snapshots do). Read on the parser's thread only.
   */
  JsonValue[] values() {
    return values;
  }

  /** The value of finished member (or element) {@code i}. */
  JsonValue valueAt(int i) {
    return values[i];
  }

  /**
   * This container as it stands, above {@code below} (the capture of the next level down, or null):
   * the last capture again while it still matches, else a new one.
   */
  OpenPathCapture capture(OpenPathCapture below) {
    OpenPathCapture known = lastCapture;
    if (known == null || !known.shows(names, values, count, pendingName, below)) {
      known = new OpenPathCapture(object, names, values, count, index, lineage, pendingName, below);
      lastCapture = known;
    }
    return known;
  }

  /** The reference token of the member or element being started now. */
  String childToken() {
    if (object) return JsonPointer.escape(pendingName);
    return count < SMALL_INDEXES.length ? SMALL_INDEXES[count] : Integer.toString(count);
  }

  void append(JsonValue value) {
    if (count == values.length) grow();
    values[count] = value;
    if (object) {
      names[count] = pendingName;
      if (index == null && count + 1 >= MemberIndex.THRESHOLD) index = new MemberIndex();
      pendingName = null;
    }
    count++;
  }

  private void grow() {
    int capacity = Math.max(FIRST_CAPACITY, values.length * 2);
    values = Arrays.copyOf(values, capacity);
    if (object) names = Arrays.copyOf(names, capacity);
  }

  /**
   * An immutable view of this container as it stands, with {@code openLast} still being written.
   */
  JsonValue snapshot(JsonValue openLast) {
    return openNode(object, names, values, count, index, lineage, pendingName, openLast);
  }

  /**
   * The snapshot node of an open container in the given state (see {@link #snapshot}); also what an
   * {@link OpenPathCapture} builds later from the state it kept.
   */
  static JsonValue openNode(
      boolean object,
      String[] names,
      JsonValue[] values,
      int count,
      MemberIndex index,
      Object lineage,
      String openName,
      JsonValue openLast) {
    if (object) {
      return new JsonObject(
          names, values, count, index, openLast == null ? null : openName, openLast, false);
    }
    return new JsonArray(values, count, openLast, false, lineage);
  }

  /** The complete value, once the closing bracket is read. */
  JsonValue finish() {
    if (object) return new JsonObject(names, values, count, index, null, null, true);
    return new JsonArray(values, count, null, true, lineage);
  }
}
