package dev.reverie.json;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Name lookup for the members of a large object, shared by every snapshot of it.
 *
 * <p>The object only grows, and each snapshot sees a prefix of its members; the index records where
 * each name first occurs, and a snapshot ignores positions past its own size. Duplicate names
 * (legal JSON, rare) switch lookups to a backward scan so that the last occurrence wins, as in
 * Jackson. Written by the parser while other threads may read older snapshots, hence the concurrent
 * map.
 */
final class MemberIndex {
  /** Objects with fewer members are scanned; an index does not pay for itself below this. */
  static final int THRESHOLD = 8;

  private final ConcurrentHashMap<String, Integer> firstPositions = new ConcurrentHashMap<>();
  private volatile boolean hasDuplicates;

  static MemberIndex of(String[] names, int count) {
    MemberIndex index = new MemberIndex();
    for (int i = 0; i < count; i++) index.add(names[i], i);
    return index;
  }

  void add(String name, int position) {
    if (firstPositions.putIfAbsent(name, position) != null) hasDuplicates = true;
  }

  /** The position of the last member called {@code name} among the first {@code count}, or -1. */
  int find(String name, String[] names, int count) {
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
