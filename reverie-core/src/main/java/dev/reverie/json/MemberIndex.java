package dev.reverie.json;

import java.util.HashMap;

/**
 * Name lookup for the members of a large object, shared by every snapshot of it.
 *
 * <p>The object only grows, and each snapshot sees a prefix of its members; the index records where
 * each name first occurs, and a snapshot ignores positions past its own size. Duplicate names
 * (legal JSON, rare) switch lookups to a backward scan so that the last occurrence wins, as in
 * Jackson.
 *
 * <p>The parser never writes to it: names are indexed by the readers, on a lookup, up to the size
 * of the snapshot asking (the prefix of the name store every snapshot shares is never changed).
 * Streams that never look members up by name pay nothing per member. Readers of different snapshots
 * may be on different threads, hence the lock; it is uncontended in practice.
 */
final class MemberIndex {
  /** Objects with fewer members are scanned; an index does not pay for itself below this. */
  static final int THRESHOLD = 8;

  private final HashMap<String, Integer> firstPositions = new HashMap<>();
  private int indexedCount;
  private boolean hasDuplicates;

  /** The position of the last member called {@code name} among the first {@code count}, or -1. */
  synchronized int find(String name, String[] names, int count) {
    for (; indexedCount < count; indexedCount++) {
      if (firstPositions.putIfAbsent(names[indexedCount], indexedCount) != null) {
        hasDuplicates = true;
      }
    }
    if (hasDuplicates) return scan(name, names, count);
    Integer position = firstPositions.get(name);
    return position != null && position < count ? position : -1;
  }

  static int scan(String name, String[] names, int count) {
    int hash = name.hashCode();
    for (int i = count - 1; i >= 0; i--) {
      String candidate = names[i];
      if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) return i;
    }
    return -1;
  }
}
