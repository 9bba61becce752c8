package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * What the compiler does with each keyword of JSON Schema draft 2020-12: nothing is dropped
 * silently. A keyword is either enforced by {@link SchemaValidator}, accepted as an annotation or
 * structure that asks nothing of the value ({@code title}, {@code format}, {@code $defs}…), or
 * refused with an {@link InvalidSchemaException} naming the keyword and where it is. Names that are
 * not draft 2020-12 keywords are ignored, as the specification asks.
 */
final class KeywordPolicy {
  /** Keywords that ask nothing of the value: annotations, and structure read by the compiler. */
  static final Set<String> ACCEPTED =
      Set.of(
          "$schema",
          "$id",
          "$anchor",
          "$dynamicAnchor",
          "$defs",
          "definitions",
          "$comment",
          "$vocabulary",
          "title",
          "description",
          "default",
          "examples",
          "deprecated",
          "readOnly",
          "writeOnly",
          "format",
          "contentMediaType",
          "contentEncoding",
          "contentSchema");

  /** Keywords with an effect on validity that this validator does not enforce yet, and why. */
  static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("unevaluatedProperties", "is not supported"),
          Map.entry("unevaluatedItems", "is not supported"),
          Map.entry("$dynamicRef", "is not supported"),
          Map.entry("$recursiveRef", "(draft 2019-09) is not supported"),
          Map.entry(
              "dependencies",
              "(draft 7; use dependentRequired or dependentSchemas)" + " is not supported"));

  /** Meta-schemas whose vocabularies are those this validator implements. */
  private static final Set<String> KNOWN_META_SCHEMAS =
      Set.of(
          "https://json-schema.org/draft/2020-12/schema",
          "https://json-schema.org/draft/2019-09/schema",
          "http://json-schema.org/draft-07/schema",
          "http://json-schema.org/draft-06/schema",
          "http://json-schema.org/draft-04/schema");

  private KeywordPolicy() {}

  /**
   * Refuses {@code schema} (an object schema at {@code location}) when it uses a keyword that is
   * refused, or declares a meta-schema whose vocabularies are unknown.
   */
  static void check(JsonNode schema, String location) {
    for (var entry : schema.properties()) {
      String reason = REFUSED.get(entry.getKey());
      if (reason != null) {
        throw new InvalidSchemaException(
            "the keyword \"" + entry.getKey() + "\" at " + location + " " + reason);
      }
    }
    JsonNode metaSchema = schema.get("$schema");
    if (metaSchema != null) {
      String uri = metaSchema.asText();
      String bare = uri.endsWith("#") ? uri.substring(0, uri.length() - 1) : uri;
      if (!metaSchema.isTextual() || !KNOWN_META_SCHEMAS.contains(bare)) {
        throw new InvalidSchemaException(
            "the keyword \"$schema\" at "
                + location
                + " names a meta-schema whose vocabularies are unknown: "
                + metaSchema);
      }
    }
  }
}
