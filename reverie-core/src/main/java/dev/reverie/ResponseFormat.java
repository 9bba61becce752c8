package dev.reverie;

import dev.reverie.json.JsonObject;
import java.util.Objects;

/**
 * Asks the model for JSON output matching a schema (the provider's native structured-output mode).
 *
 * @param schema the JSON schema
 * @param name a name for the schema, e.g. {@code Book}
 * @param description what the object is, or empty
 */
public record ResponseFormat(JsonObject schema, String name, String description) {
  public ResponseFormat {
    Objects.requireNonNull(schema, "schema");
    name = name == null || name.isBlank() ? "response" : name;
    description = description == null ? "" : description;
  }
}
