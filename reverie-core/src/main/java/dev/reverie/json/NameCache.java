package dev.reverie.json;

/**
 * Reuses one {@code String} per distinct member name while parsing: arrays of objects repeat the
 * same few names thousands of times, and sharing them saves an allocation per member and lets name
 * lookups succeed on identity and cached hash codes.
 *
 * <p>A small direct-mapped table: a name that collides with another simply replaces it.
 */
final class NameCache {
  private static final int SIZE = 256;
  private static final int LONGEST_CACHED = 64;

  private final String[] names = new String[SIZE];

  /** The name spelled by {@code text}, the same instance as last time when possible. */
  String intern(StringBuilder text) {
    int length = text.length();
    if (length > LONGEST_CACHED) return text.toString();
    int hash = 0;
    for (int i = 0; i < length; i++) hash = 31 * hash + text.charAt(i);
    int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
    String cached = names[slot];
    if (cached != null && cached.length() == length && cached.hashCode() == hash) {
      boolean same = true;
      for (int i = 0; i < length && same; i++) same = cached.charAt(i) == text.charAt(i);
      if (same) return cached;
    }
    String name = text.toString();
    names[slot] = name;
    return name;
  }
}
