package dev.reverie.json;

import java.util.Objects;

/**
 * One visible change to the value an {@link IncrementalJsonParser} is reading, addressed by an RFC
 * 6901 JSON Pointer ({@code ""} is the root, {@code /genres/1} the second genre).
 *
 * <p>For each value, in order: one {@link Added} when it appears (a string with its text so far, a
 * container empty), then for a string any number of {@link Appended}, and finally one {@link
 * Completed} once it can no longer change. Numbers, booleans and null appear only once complete, so
 * their {@code Added} is immediately followed by their {@code Completed}.
 */
public sealed interface JsonChange {
  /** Where the change happened. */
  String path();

  /**
   * The change as a compact JSON-Patch-like object: {@code {"op":"add","path":..,"value":..}},
   * {@code {"op":"append","path":..,"value":"text"}} or {@code {"op":"complete","path":..}}.
   */
  String toPatchJson();

  /** A new member, element or root value appeared; for a string, with its text so far. */
  record Added(String path, JsonValue value) implements JsonChange {
    public Added {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toPatchJson() {
      StringBuilder out = new StringBuilder("{\"op\":\"add\",\"path\":");
      JsonTrees.quote(out, path);
      out.append(",\"value\":");
      JsonTrees.write(out, value);
      return out.append('}').toString();
    }
  }

  /** The string at {@code path} grew by {@code text}. */
  record Appended(String path, String text) implements JsonChange {
    public Appended {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toPatchJson() {
      StringBuilder out = new StringBuilder("{\"op\":\"append\",\"path\":");
      JsonTrees.quote(out, path);
      out.append(",\"value\":");
      JsonTrees.quote(out, text);
      return out.append('}').toString();
    }
  }

  /** The value at {@code path} is now complete and will not change again. */
  record Completed(String path, JsonValue value) implements JsonChange {
    public Completed {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toPatchJson() {
      StringBuilder out = new StringBuilder("{\"op\":\"complete\",\"path\":");
      JsonTrees.quote(out, path);
      return out.append('}').toString();
    }
  }
}
