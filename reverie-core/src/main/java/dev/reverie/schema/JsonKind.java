package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The kind of a JSON value as a streaming parser knows it when the value starts, used by {@link
 * SchemaValidator#checkKind} to reject a value before it is complete.
 *
 * <p>A number is {@link #NUMBER_INTEGRAL} when its value is a whole number, whatever its spelling
 * ({@code 3}, {@code 3.0}, {@code 3e2}); {@link #NUMBER_FRACTIONAL} only when it has a fractional
 * part ({@code 3.5}), so a schema's {@code integer} type accepts exactly the former.
 */
public enum JsonKind {
  OBJECT("object"),
  ARRAY("array"),
  STRING("string"),
  NUMBER_INTEGRAL("integer"),
  NUMBER_FRACTIONAL("number"),
  BOOLEAN("boolean"),
  NULL("null");

  private final String schemaName;

  JsonKind(String schemaName) {
    this.schemaName = schemaName;
  }

  /** The JSON schema type name of this kind, as used in violation messages. */
  public String schemaName() {
    return schemaName;
  }

  /** The kind of a complete value. */
  public static JsonKind of(JsonNode value) {
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
      return value.isIntegralNumber() || value.canConvertToExactIntegral()
          ? NUMBER_INTEGRAL
          : NUMBER_FRACTIONAL;
    }
    return STRING;
  }
}
