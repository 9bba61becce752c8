package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON-schema type of a value (integer and number told apart), as a streaming parser knows it
 * when the value starts; {@link SchemaValidator#checkKind} uses it to reject a value before it is
 * complete.
 *
 * <p>A number is {@link #INTEGER} when its value is a whole number, whatever its spelling ({@code
 * 3}, {@code 3.0}, {@code 3e2}); {@link #NUMBER} only when it has a fractional part ({@code 3.5}),
 * so a schema's {@code integer} type accepts exactly the former.
 */
public enum SchemaType {
  OBJECT("object"),
  ARRAY("array"),
  STRING("string"),
  INTEGER("integer"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  NULL("null");

  private final String schemaName;

  SchemaType(String schemaName) {
    this.schemaName = schemaName;
  }

  /** The JSON schema type name of this kind, as used in violation messages. */
  public String schemaName() {
    return schemaName;
  }

  /** The kind of a complete value. */
  public static SchemaType of(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return NULL;
    }
    if (value.isObject()) {
      return OBJECT;
    }
    if (value.isArray()) {
      return ARRAY;
    }
    if (value.isTextual() || value.isBinary()) {
      return STRING;
    }
    if (value.isBoolean()) {
      return BOOLEAN;
    }
    if (value.isNumber()) {
      return value.isIntegralNumber() || value.canConvertToExactIntegral() ? INTEGER : NUMBER;
    }
    return STRING;
  }
}
