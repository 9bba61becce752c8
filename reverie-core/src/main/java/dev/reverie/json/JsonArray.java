package dev.reverie.json;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A JSON array; while incomplete, the elements written so far (the last one possibly still
 * growing).
 *
 * <p>Snapshots of a growing array share one append-only element store: every element but the last
 * is final, each snapshot reads only its own prefix, and the last element is held separately. So a
 * new snapshot costs O(1) here, and its unchanged elements are the very instances of the previous
 * one.
 */
public final class JsonArray implements JsonValue {
  static final JsonValue[] NO_VALUES = new JsonValue[0];

  /** The value of the {@link JsonChange.Added} change of every array. */
  static final JsonArray EMPTY_OPEN = new JsonArray(NO_VALUES, 0, null, false, new Object());

  private final JsonValue[] finished;
  private final int finishedCount;
  private final JsonValue last;
  private final boolean complete;
  // Identifies the array being written across its snapshots (binders cache per element index).
  private final Object lineage;
  int cachedHash;
  // What a TypedBinder last made of this node; see BoundResult.
  BoundResult bound;

  JsonArray(
      JsonValue[] finished, int finishedCount, JsonValue last, boolean complete, Object lineage) {
    this.finished = finished;
    this.finishedCount = finishedCount;
    this.last = last;
    this.complete = complete;
    this.lineage = lineage;
  }

  /** A complete array of these elements. */
  public static JsonArray of(List<? extends JsonValue> elements) {
    JsonValue[] copy = elements.toArray(NO_VALUES);
    for (JsonValue v : copy) Objects.requireNonNull(v, "element");
    return new JsonArray(copy, copy.length, null, true, new Object());
  }

  /** A complete array of these elements. */
  public static JsonArray of(JsonValue... elements) {
    return of(List.of(elements));
  }

  public int size() {
    return last == null ? finishedCount : finishedCount + 1;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * The element at {@code index}.
   *
   * @throws IndexOutOfBoundsException when there is no such element (yet)
   */
  public JsonValue get(int index) {
    if (index >= 0 && index < finishedCount) return finished[index];
    if (index == finishedCount && last != null) return last;
    throw new IndexOutOfBoundsException("index " + index + " out of bounds for size " + size());
  }

  /** An immutable list view of the elements. */
  public List<JsonValue> elements() {
    return new Elements();
  }

  @Override
  public JsonKind kind() {
    return JsonKind.ARRAY;
  }

  @Override
  public boolean complete() {
    return complete;
  }

  /** How many leading elements are final (will be the same instances in every later snapshot). */
  int finishedCount() {
    return finishedCount;
  }

  Object lineage() {
    return lineage;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonArray other && JsonTrees.equal(this, other);
  }

  @Override
  public int hashCode() {
    return JsonTrees.hash(this);
  }

  @Override
  public String toString() {
    return toJson();
  }

  private final class Elements extends AbstractList<JsonValue> implements RandomAccess {
    @Override
    public JsonValue get(int index) {
      return JsonArray.this.get(index);
    }

    @Override
    public int size() {
      return JsonArray.this.size();
    }
  }
}
