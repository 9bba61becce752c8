package dev.reverie.json;

import java.util.IdentityHashMap;

/**
 * Remembers what was made from each JSON node, by node identity, for the current and the
 * previous binding that used this memo only, so memory stays bounded while consecutive snapshots
 * (which share their unchanged nodes) reuse each other's results. "Previous" is the last binding
 * that touched this memo, however long ago: when a whole subtree was reused, its inner memos were
 * not consulted, and their entries must survive until the subtree changes.
 *
 * <p>Synchronised: lazily bound lists may be read on another thread while the next snapshot binds.
 */
final class IdentityMemo {
  /** Stands for a remembered null. */
  static final Object NULL = new Object();

  private final BindingRegistry registry;
  private IdentityHashMap<Object, Object> current;
  private IdentityHashMap<Object, Object> previous;
  private long generation = -1;

  IdentityMemo(BindingRegistry registry) {
    this.registry = registry;
  }

  /** The remembered result ({@link #NULL} for null), or null when there is none. */
  synchronized Object get(Object key) {
    roll();
    Object hit = current == null ? null : current.get(key);
    if (hit == null && previous != null) {
      hit = previous.get(key);
      if (hit != null) remember(key, hit);
    }
    return hit;
  }

  synchronized void put(Object key, Object value) {
    roll();
    remember(key, value);
  }

  private void remember(Object key, Object value) {
    if (current == null) current = new IdentityHashMap<>(8);
    current.put(key, value);
  }

  private void roll() {
    long now = registry.generation;
    if (now == generation) return;
    if (current != null) previous = current;
    current = null;
    generation = now;
  }
}
