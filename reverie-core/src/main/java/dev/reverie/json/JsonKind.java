package dev.reverie.json;

/**
 * The six kinds of JSON value, for switching over a {@link JsonValue} without instanceof chains.
 */
public enum JsonKind {
  OBJECT,
  ARRAY,
  STRING,
  NUMBER,
  BOOLEAN,
  NULL
}
