package dev.reverie.json;

/**
 * A binding whose results are remembered by node identity, so an unchanged subtree of a new
 * snapshot yields the very object bound from the previous snapshot.
 */
abstract class MemoizingBinding extends Binding {
  private final IdentityMemo memo;

  MemoizingBinding(BindingRegistry registry) {
    this.memo = new IdentityMemo(registry);
  }

  @Override
  Object bind(JsonValue value) {
    if (!worthRemembering(value)) return create(value);
    Object hit = memo.get(value);
    if (hit != null) return hit == IdentityMemo.NULL ? null : hit;
    Object made = create(value);
    memo.put(value, made == null ? IdentityMemo.NULL : made);
    return made;
  }

  /** Whether making the result costs enough to remember it; containers by default. */
  boolean worthRemembering(JsonValue value) {
    return JsonTrees.isContainer(value);
  }

  /** Makes the result afresh. */
  abstract Object create(JsonValue value);
}
