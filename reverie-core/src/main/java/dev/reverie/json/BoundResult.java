package dev.reverie.json;

/**
 * What one binding made from a container node, kept on the node itself: nodes are immutable and
 * shared between snapshots, so an unchanged subtree of a new snapshot finds the object bound from
 * it last time, and the memo lives exactly as long as the tree does.
 *
 * <p>Immutable (final fields), so the node's plain field holding it can be read and written from
 * any thread: a reader sees either a whole result or none, and a lost race only costs a rebind.
 */
final class BoundResult {
  final Binding binding;
  final Object value;

  BoundResult(Binding binding, Object value) {
    this.binding = binding;
    this.value = value;
  }

  static BoundResult of(JsonValue container) {
    if (container instanceof JsonObject o) return o.bound;
    if (container instanceof JsonArray a) return a.bound;
    return null;
  }

  static void remember(JsonValue container, Binding binding, Object value) {
    BoundResult result = new BoundResult(binding, value);
    if (container instanceof JsonObject o) o.bound = result;
    else if (container instanceof JsonArray a) a.bound = result;
  }
}
