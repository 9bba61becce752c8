/**
 * Partial JSON: an incremental parser that turns text deltas into immutable, structurally shared
 * snapshots of a JSON value while it is still being written, the change events between them, and
 * the binding of (partial) trees to user types.
 *
 * <p>Entry points: {@link dev.reverie.json.IncrementalJsonParser} (feed deltas, read {@link
 * dev.reverie.json.JsonChange}s and snapshots), the {@link dev.reverie.json.JsonValue} tree, and
 * {@link dev.reverie.json.TypedBinder} (tree to record, with missing fields null).
 */
package dev.reverie.json;
