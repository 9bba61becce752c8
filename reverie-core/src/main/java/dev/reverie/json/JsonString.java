package dev.reverie.json;

import java.util.Objects;

/**
 * A JSON string; while incomplete, the text written so far.
 *
 * <p>A snapshot of a string that is still growing shares the parser's character buffer (it reads
 * only the prefix it was given, which never changes), so taking a snapshot does not copy the text;
 * {@link #value()} makes the {@code String} on first use and keeps it.
 */
public final class JsonString implements JsonValue {
  private final char[] chars;
  private final int length;
  private final boolean complete;
  // Racy single-check cache of an immutable String: safe to publish without synchronisation.
  private String text;

  JsonString(String text, boolean complete) {
    this.chars = null;
    this.length = text.length();
    this.complete = complete;
    this.text = text;
  }

  JsonString(char[] chars, int length, boolean complete) {
    this.chars = chars;
    this.length = length;
    this.complete = complete;
  }

  /** A complete string. */
  public static JsonString of(String value) {
    return new JsonString(Objects.requireNonNull(value, "value"), true);
  }

  /** A string still being written, with its text so far. */
  public static JsonString partial(String valueSoFar) {
    return new JsonString(Objects.requireNonNull(valueSoFar, "valueSoFar"), false);
  }

  /** The text (so far, when incomplete). */
  public String value() {
    String t = text;
    if (t == null) {
      t = new String(chars, 0, length);
      text = t;
    }
    return t;
  }

  /** The length of {@link #value()} in UTF-16 chars, without making the string. */
  public int length() {
    return length;
  }

  @Override
  public JsonKind kind() {
    return JsonKind.STRING;
  }

  @Override
  public boolean complete() {
    return complete;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    return o instanceof JsonString other
        && complete == other.complete
        && length == other.length
        && value().equals(other.value());
  }

  @Override
  public int hashCode() {
    return value().hashCode() * 31 + (complete ? 1 : 0);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
