package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The sub-values of one document a {@link SchemaValidator} has already found valid, and against
 * which part of the schema, by identity: a stream checks each array element as it completes, and
 * the document at the end holds those very nodes (see {@code JsonNodeCache}), so the final check
 * need not walk them again.
 *
 * <p>Sound because whether a value satisfies a sub-schema depends on nothing else; a value is
 * skipped only when it is the same node checked against the same sub-schema. One per document, and
 * only with the validator that filled it; not thread-safe.
 */
public final class ValidatedValues {
  private final Map<JsonNode, Object> valid = new IdentityHashMap<>();

  boolean contains(CompiledSchema schema, JsonNode value) {
    Object known = valid.get(value);
    return known == schema
        || (known instanceof CompiledSchema[] many && indexOf(many, schema) >= 0);
  }

  /** Whether {@code value} was found valid against any part of the schema. */
  boolean containsAny(JsonNode value) {
    return valid.containsKey(value);
  }

  void add(CompiledSchema schema, JsonNode value) {
    Object known = valid.get(value);
    if (known == null) {
      valid.put(value, schema);
    } else if (known instanceof CompiledSchema one) {
      if (one != schema) valid.put(value, new CompiledSchema[] {one, schema});
    } else {
      CompiledSchema[] many = (CompiledSchema[]) known;
      if (indexOf(many, schema) < 0) {
        CompiledSchema[] more = java.util.Arrays.copyOf(many, many.length + 1);
        more[many.length] = schema;
        valid.put(value, more);
      }
    }
  }

  private static int indexOf(CompiledSchema[] schemas, CompiledSchema schema) {
    for (int i = 0; i < schemas.length; i++) if (schemas[i] == schema) return i;
    return -1;
  }
}
