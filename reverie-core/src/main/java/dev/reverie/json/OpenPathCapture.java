package dev.reverie.json;

/**
 * What the open containers below some level looked like at one moment, kept so that their snapshot
 * can be built later, only if somebody asks: the open element of a list bound by {@link OpenPath}
 * is bound when read, not on every delta.
 *
 * <p>A capture holds each level's store (the arrays themselves, read on the parser's thread, so a
 * later growth that replaces them cannot be half-seen), its count and the name of the member being
 * written. The string being written at the innermost level is not part of it: it changes on nearly
 * every delta, while the levels above change only when a value starts or ends, so one capture
 * serves many partials (see {@link OpenContainer#capture}). Immutable.
 */
final class OpenPathCapture {
  private final boolean object;
  private final String[] names;
  private final JsonValue[] values;
  private final int count;
  private final MemberIndex index;
  private final Object lineage;
  private final String openName;
  private final OpenPathCapture child;

  OpenPathCapture(
      boolean object,
      String[] names,
      JsonValue[] values,
      int count,
      MemberIndex index,
      Object lineage,
      String openName,
      OpenPathCapture child) {
    this.object = object;
    this.names = names;
    this.values = values;
    this.count = count;
    this.index = index;
    this.lineage = lineage;
    this.openName = openName;
    this.child = child;
  }

  /** Whether this captures a container in this state, above {@code below}. */
  boolean shows(
      String[] currentNames,
      JsonValue[] currentValues,
      int currentCount,
      String pendingName,
      OpenPathCapture below) {
    return count == currentCount
        && openName == pendingName
        && child == below
        && values == currentValues
        && names == currentNames;
  }

  /**
   * The snapshot of the captured levels with {@code leaf} (or nothing, when null) being written at
   * the innermost one, equal to what the parser's snapshot showed then. Built without recursion.
   */
  JsonValue snapshot(JsonValue leaf) {
    int levels = 0;
    for (OpenPathCapture c = this; c != null; c = c.child) levels++;
    OpenPathCapture[] path = new OpenPathCapture[levels];
    int i = 0;
    for (OpenPathCapture c = this; c != null; c = c.child) path[i++] = c;
    JsonValue value = leaf;
    for (int level = levels - 1; level >= 0; level--) {
      OpenPathCapture c = path[level];
      value =
          OpenContainer.openNode(
              c.object, c.names, c.values, c.count, c.index, c.lineage, c.openName, value);
    }
    return value;
  }
}
