package dev.reverie;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Asks the model for JSON output matching a schema (the provider's native structured-output mode).
 *
 * @param schema the JSON schema (copied; treat as read-only)
 * @param name a name for the schema, e.g. {@code Book}
 * @param description what the object is, or empty
 */
public record ResponseFormat(ObjectNode schema, String name, String description) {
  public ResponseFormat {
    Objects.requireNonNull(schema, "schema");
    schema = schema.deepCopy();
    name = name == null || name.isBlank() ? "response" : name;
    description = description == null ? "" : description;
  }

  @Override
  public ObjectNode schema() {
    return schema.deepCopy();
  }
}
