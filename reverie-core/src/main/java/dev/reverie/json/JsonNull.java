package dev.reverie.json;

/** The JSON {@code null} literal; a single instance. */
public final class JsonNull implements JsonValue {
  /** The only instance. */
  public static final JsonNull INSTANCE = new JsonNull();

  private JsonNull() {}

  @Override
  public JsonKind kind() {
    return JsonKind.NULL;
  }

  @Override
  public boolean complete() {
    return true;
  }

  @Override
  public String toString() {
    return "null";
  }
}
