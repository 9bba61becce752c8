package dev.reverie;

import dev.reverie.json.JsonChange;
import dev.reverie.json.JsonValue;
import dev.reverie.schema.SchemaViolation;

/** One thing that happened while an object streamed in; see {@link ObjectStream#events()}. */
public sealed interface ObjectEvent<T> {

  /** The object changed: the new typed partial (missing fields null) and its tree. */
  record Partial<T>(T value, JsonValue tree) implements ObjectEvent<T> {}

  /**
   * A small change as a JSON-Pointer patch ({@code /genres/1} added, {@code /title} grew by
   * "Lord"), for UIs that apply deltas instead of re-rendering.
   */
  record Patch<T>(JsonChange change) implements ObjectEvent<T> {}

  /** An array element at {@code path} is complete and valid against its schema. */
  record Element<T>(String path, JsonValue value) implements ObjectEvent<T> {}

  /**
   * What has been written so far already contradicts the schema (e.g. a string where an integer
   * belongs). Reported as soon as it is seen; the final validation decides whether the object
   * fails.
   */
  record Violation<T>(SchemaViolation violation) implements ObjectEvent<T> {}
}
