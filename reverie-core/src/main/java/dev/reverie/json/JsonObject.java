package dev.reverie.json;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A JSON object with its members in the order written; while incomplete, the members written so
 * far. A member appears once its value has started (a name alone is not a member yet).
 *
 * <p>Members are kept as written, duplicates included ({@link #size()} counts them); {@link
 * #get(String)} returns the last value for a name, as Jackson does. Snapshots of a growing object
 * share one append-only member store (see {@link JsonArray}), so a new snapshot costs O(1) here.
 */
public final class JsonObject implements JsonValue {
  static final String[] NO_NAMES = new String[0];

  /** The value of the {@link JsonChange.Added} change of every object. */
  static final JsonObject EMPTY_OPEN =
      new JsonObject(NO_NAMES, JsonArray.NO_VALUES, 0, null, null, null, false);

  private final String[] names;
  private final JsonValue[] values;
  private final int finishedCount;
  private final MemberIndex index;
  private final String lastName;
  private final JsonValue last;
  private final boolean complete;
  int cachedHash;
  // What a TypedBinder last made of this node; see BoundResult.
  BoundResult bound;

  JsonObject(
      String[] names,
      JsonValue[] values,
      int finishedCount,
      MemberIndex index,
      String lastName,
      JsonValue last,
      boolean complete) {
    this.names = names;
    this.values = values;
    this.finishedCount = finishedCount;
    this.index = index;
    this.lastName = lastName;
    this.last = last;
    this.complete = complete;
  }

  /** A complete object of these members, in order. */
  public static JsonObject of(List<JsonMember> members) {
    int n = members.size();
    String[] names = new String[n];
    JsonValue[] values = new JsonValue[n];
    for (int i = 0; i < n; i++) {
      JsonMember m = Objects.requireNonNull(members.get(i), "member");
      names[i] = m.name();
      values[i] = m.value();
    }
    MemberIndex index = n >= MemberIndex.THRESHOLD ? new MemberIndex() : null;
    return new JsonObject(names, values, n, index, null, null, true);
  }

  /** A complete object of these members, in the map's iteration order. */
  public static JsonObject of(Map<String, ? extends JsonValue> members) {
    return of(
        members.entrySet().stream().map(e -> new JsonMember(e.getKey(), e.getValue())).toList());
  }

  /** The value of the (last) member called {@code name}, if it has appeared. */
  public Optional<JsonValue> get(String name) {
    return Optional.ofNullable(find(name));
  }

  /** Whether a member called {@code name} has appeared. */
  public boolean has(String name) {
    return find(name) != null;
  }

  /** As {@link #get(String)}, without the Optional: null when absent. */
  JsonValue find(String name) {
    if (last != null && (lastName == name || lastName.equals(name))) return last;
    int position =
        index != null
            ? index.find(name, names, finishedCount)
            : MemberIndex.scan(name, names, finishedCount);
    return position < 0 ? null : values[position];
  }

  /** The number of members, duplicates included. */
  public int size() {
    return last == null ? finishedCount : finishedCount + 1;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** The members in order, as an immutable list view. */
  public List<JsonMember> members() {
    return new Members();
  }

  /** The member names in order, as an immutable list view. */
  public List<String> names() {
    return new Names();
  }

  /**
   * The name of the member at {@code position}.
   *
   * @throws IndexOutOfBoundsException when there is no such member
   */
  public String nameAt(int position) {
    if (position >= 0 && position < finishedCount) return names[position];
    if (position == finishedCount && last != null) return lastName;
    throw new IndexOutOfBoundsException(
        "position " + position + " out of bounds for size " + size());
  }

  /**
   * The value of the member at {@code position}.
   *
   * @throws IndexOutOfBoundsException when there is no such member
   */
  public JsonValue valueAt(int position) {
    if (position >= 0 && position < finishedCount) return values[position];
    if (position == finishedCount && last != null) return last;
    throw new IndexOutOfBoundsException(
        "position " + position + " out of bounds for size " + size());
  }

  @Override
  public JsonKind kind() {
    return JsonKind.OBJECT;
  }

  @Override
  public boolean complete() {
    return complete;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject other && JsonTrees.equal(this, other);
  }

  @Override
  public int hashCode() {
    return JsonTrees.hash(this);
  }

  @Override
  public String toString() {
    return toJson();
  }

  private final class Members extends AbstractList<JsonMember> implements RandomAccess {
    @Override
    public JsonMember get(int position) {
      return new JsonMember(nameAt(position), valueAt(position));
    }

    @Override
    public int size() {
      return JsonObject.this.size();
    }
  }

  private final class Names extends AbstractList<String> implements RandomAccess {
    @Override
    public String get(int position) {
      return nameAt(position);
    }

    @Override
    public int size() {
      return JsonObject.this.size();
    }
  }
}
