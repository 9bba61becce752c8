package dev.reverie.json;

/**
 * Binds the value an {@link IncrementalJsonParser} is writing straight from its open containers,
 * without first building the snapshot of each: a record reads its finished members from arguments
 * it keeps on the open container (bound once, as each member finishes) and binds only the member
 * being written anew; a list shares its container's finished elements and captures the element
 * being written ({@link OpenPathCapture}) to build and bind it only when read, so it stays as lazy
 * as a list bound from a snapshot. Other levels (a map, an optional, a set…) are bound from a
 * snapshot of that level, as {@link TypedBinder#bind} would.
 *
 * <p>The result equals {@code bind(parser.snapshot().orElseThrow())}; what is saved per delta is,
 * for each open record, a snapshot node, its memo and a walk over its members, and below a list
 * every snapshot node.
 */
final class OpenPath {
  private OpenPath() {}

  /** The parser's current value bound by {@code root}; the parser must show a value. */
  static Object bind(Binding root, IncrementalJsonParser parser) {
    if (parser.openDepth() == 0) {
      JsonValue value = parser.openLeaf();
      if (value == null) value = parser.completeRoot();
      if (value == null) throw new IllegalStateException("the parser shows no value yet");
      return root.bindOrAbsent(value);
    }
    return bindOrAbsent(root, parser, 0);
  }

  /**
   * The value at {@code level} (an open container, or at the innermost level the open string) bound
   * by {@code binding}, or its absent value.
   */
  static Object bindOrAbsent(Binding binding, IncrementalJsonParser parser, int level) {
    if (level == parser.openDepth()) return binding.bindOrAbsent(parser.openLeaf());
    Object bound = binding.bindOpen(parser.openContainer(level), parser, level);
    return bound == null ? binding.absent() : bound;
  }

  /** Whether the open container at {@code level} shows a member or element being written. */
  static boolean hasOpenChild(IncrementalJsonParser parser, int level) {
    return level + 1 < parser.openDepth() || parser.openLeaf() != null;
  }
}
