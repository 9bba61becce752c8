package dev.reverie.json;

import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * Remembers what was made from each JSON node, by node identity, for the current and the
 * previous binding that used this memo only, so memory stays bounded while consecutive snapshots
 * (which share their unchanged nodes) reuse each other's results. "Previous" is the last binding
 * that touched this memo, however long ago: when a whole subtree was reused, its inner memos were
 * not consulted, and their entries must survive until the subtree changes.
 *
 * <p>Most bindings remember a handful of nodes per snapshot, so each generation is a small array
 * searched linearly (no hashing, nothing allocated per snapshot), with a map only past that.
 * Synchronised: lazily bound lists may be read on another thread while the next snapshot binds.
 */
final class IdentityMemo {
  /** Stands for a remembered null. */
  static final Object NULL = new Object();

  private final BindingRegistry registry;
  private Generation current = new Generation();
  private Generation previous = new Generation();
  private long generation = -1;

  IdentityMemo(BindingRegistry registry) {
    this.registry = registry;
  }

  /** The remembered result ({@link #NULL} for null), or null when there is none. */
  Object get(Object key) {
    roll();
    Object hit = current.get(key);
    if (hit == null && !previous.isEmpty()) {
      hit = previous.get(key);
      if (hit != null) current.put(key, hit);
    }
    return hit;
  }

  void put(Object key, Object value) {
    roll();
    current.put(key, value);
  }

  private void roll() {
    long now = registry.generation;
    if (now == generation) return;
    generation = now;
    if (current.isEmpty()) return;
    Generation reused = previous;
    previous = current;
    reused.clear();
    current = reused;
  }

  /** The entries of one generation. */
  private static final class Generation {
    private static final int LINEAR = 8;

    private final Object[] keys = new Object[LINEAR];
    private final Object[] values = new Object[LINEAR];
    private int size;
    private IdentityHashMap<Object, Object> more;

    boolean isEmpty() {
      return size == 0;
    }

    Object get(Object key) {
      int n = Math.min(size, LINEAR);
      for (int i = 0; i < n; i++) {
        if (keys[i] == key) return values[i];
      }
      return more == null ? null : more.get(key);
    }

    void put(Object key, Object value) {
      int n = Math.min(size, LINEAR);
      for (int i = 0; i < n; i++) {
        if (keys[i] == key) {
          values[i] = value;
          return;
        }
      }
      if (size < LINEAR) {
        keys[size] = key;
        values[size] = value;
        size++;
        return;
      }
      if (more == null) more = new IdentityHashMap<>();
      if (more.put(key, value) == null) size++;
    }

    void clear() {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      size = 0;
      more = null;
    }
  }
}
