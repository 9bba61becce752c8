package dev.reverie.json;

import java.util.Objects;

/** One member of a {@link JsonObject}: its name and value. */
public record JsonMember(String name, JsonValue value) {
  public JsonMember {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
