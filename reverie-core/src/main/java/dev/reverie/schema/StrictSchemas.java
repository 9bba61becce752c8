package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adapts a JSON schema to the subset a provider's strict structured-output mode accepts, so that
 * the same user schema works everywhere.
 *
 * <p>The adapted schema is only for the wire: Reverie still validates model output against the
 * original schema, so constraints dropped here (string lengths, {@code uniqueItems}…) are still
 * enforced.
 */
public final class StrictSchemas {
  /**
   * Keywords OpenAI strict mode rejects (its "supported schemas" guide lists {@code pattern} and
   * {@code format} for strings, the numeric bounds and {@code multipleOf} for numbers, {@code
   * minItems}/{@code maxItems} for arrays, and no other validation keywords; {@code default} is
   * refused explicitly).
   */
  private static final Set<String> OPENAI_UNSUPPORTED =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "default",
          "examples",
          "readOnly",
          "writeOnly",
          "deprecated",
          "not",
          "if",
          "then",
          "else",
          "dependentRequired",
          "dependentSchemas",
          "dependencies",
          "patternProperties",
          "unevaluatedProperties",
          "propertyNames",
          "minProperties",
          "maxProperties",
          "unevaluatedItems",
          "contains",
          "minContains",
          "maxContains",
          "uniqueItems",
          "minLength",
          "maxLength",
          "additionalItems");

  /** String formats OpenAI strict mode understands; others are dropped. */
  private static final Set<String> OPENAI_FORMATS =
      Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

  private static final int MAX_DEPTH = SchemaCompiler.MAX_SCHEMA_DEPTH;

  private StrictSchemas() {}

  /**
   * A copy of {@code schema} normalised for OpenAI structured outputs with {@code strict: true}.
   *
   * <ul>
   *   <li>every object schema (one with {@code type: object} or {@code properties}) gets {@code
   *       additionalProperties: false}, recursively through {@code properties}, {@code items},
   *       {@code prefixItems}, {@code anyOf}, {@code allOf}, {@code $defs} and {@code definitions}.
   *       An {@code additionalProperties} that is a schema (a map type) is kept: strict mode cannot
   *       express maps, and forcing {@code false} would silently forbid every entry, so OpenAI's
   *       own error is the clearer outcome. A free-form object (no {@code properties}, no {@code
   *       additionalProperties}, e.g. {@code Map<String, Object>}) gets {@code false} like any
   *       other, as the reference system does, and so only admits {@code {}} in strict mode;
   *   <li>every property is listed in {@code required}; one that was optional becomes nullable
   *       ({@code "type": ["string", "null"]}, {@code null} added to its {@code enum}, or {@code
   *       anyOf} with {@code {"type": "null"}}) so the model can still leave it out by writing
   *       {@code null};
   *   <li>OpenAPI's {@code nullable: true} becomes a {@code "null"} type; {@code oneOf} becomes
   *       {@code anyOf}; an {@code allOf} of one schema is merged into its parent; a {@code $ref}
   *       with sibling keywords is replaced by the referenced schema merged with those siblings;
   *   <li>keywords strict mode rejects are removed ({@code default}, {@code minLength}, {@code
   *       maxLength}, {@code uniqueItems}, {@code not}, {@code patternProperties}, {@code
   *       $schema}…) as are unsupported {@code format} values.
   * </ul>
   *
   * <p>A schema that already conforms comes back equal, apart from the added {@code
   * additionalProperties: false}.
   *
   * @throws InvalidSchemaException when the schema nests deeper than the schema limit or has a
   *     {@code $ref} that does not resolve inside it
   */
  public static ObjectNode forOpenAiStrict(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    return (ObjectNode) new OpenAiStrict(copy).normalise(copy, 0);
  }

  /** One normalisation: keeps the root for resolving references. */
  private static final class OpenAiStrict {
    private final ObjectNode root;

    OpenAiStrict(ObjectNode root) {
      this.root = root;
    }

    JsonNode normalise(JsonNode node, int depth) {
      if (!(node instanceof ObjectNode schema)) {
        return node;
      }
      if (depth > MAX_DEPTH) {
        throw new InvalidSchemaException(
            "the schema is nested deeper than " + MAX_DEPTH + " levels");
      }
      int next = depth + 1;
      JsonNode ref = schema.get("$ref");
      if (ref != null && ref.isTextual() && schema.size() > 1) {
        // Strict mode refuses keywords next to $ref: inline the target under the siblings.
        ObjectNode merged = resolve(ref.asText()).deepCopy();
        schema.remove("$ref");
        schema.properties().forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
        return normalise(merged, next);
      }
      schema.remove(OPENAI_UNSUPPORTED);
      JsonNode format = schema.get("format");
      if (format != null && !(format.isTextual() && OPENAI_FORMATS.contains(format.asText()))) {
        schema.remove("format");
      }
      JsonNode nullable = schema.remove("nullable");
      mergeSingleAllOf(schema);
      if (schema.has("oneOf") && !schema.has("anyOf")) {
        schema.set("anyOf", schema.remove("oneOf"));
      }
      if (nullable != null && nullable.asBoolean(false)) {
        makeNullable(schema);
      }

      for (String container : List.of("$defs", "definitions", "properties")) {
        JsonNode children = schema.get(container);
        if (children instanceof ObjectNode object) {
          for (Map.Entry<String, JsonNode> entry : object.properties()) {
            entry.setValue(normalise(entry.getValue(), next));
          }
        }
      }
      for (String list : List.of("anyOf", "allOf", "oneOf", "prefixItems")) {
        JsonNode children = schema.get(list);
        if (children instanceof ArrayNode array) {
          for (int i = 0; i < array.size(); i++) {
            array.set(i, normalise(array.get(i), next));
          }
        }
      }
      JsonNode items = schema.get("items");
      if (items instanceof ObjectNode) {
        schema.set("items", normalise(items, next));
      } else if (items instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          array.set(i, normalise(array.get(i), next));
        }
      }
      JsonNode additional = schema.get("additionalProperties");
      if (additional instanceof ObjectNode) {
        schema.set("additionalProperties", normalise(additional, next));
      }

      if (isObjectSchema(schema)) {
        if (additional == null || (additional.isBoolean() && additional.asBoolean())) {
          schema.put("additionalProperties", false);
        }
        requireEveryProperty(schema);
      }
      return schema;
    }

    private JsonNode resolve(String reference) {
      if (!reference.startsWith("#")) {
        throw new InvalidSchemaException(
            "only references inside the schema are supported, not \"" + reference + "\"");
      }
      String pointer = reference.substring(1);
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        throw new InvalidSchemaException(
            "OpenAI strict mode cannot send the anchor reference \""
                + reference
                + "\"; use a JSON Pointer reference");
      }
      JsonNode target = root.at(pointer);
      if (!(target instanceof ObjectNode)) {
        throw new InvalidSchemaException(
            "the reference \"" + reference + "\" does not point to a schema");
      }
      return target;
    }
  }

  private static boolean isObjectSchema(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      return type.asText().equals("object");
    }
    if (type != null && type.isArray()) {
      for (JsonNode name : type) {
        if (name.asText().equals("object")) {
          return true;
        }
      }
      return false;
    }
    return schema.has("properties");
  }

  private static void mergeSingleAllOf(ObjectNode schema) {
    JsonNode allOf = schema.get("allOf");
    if (allOf instanceof ArrayNode array && array.size() == 1 && array.get(0).isObject()) {
      schema.remove("allOf");
      ObjectNode only = (ObjectNode) array.get(0);
      // The parent's own keywords win over the merged ones.
      only.properties()
          .forEach(
              entry -> {
                if (!schema.has(entry.getKey())) {
                  schema.set(entry.getKey(), entry.getValue());
                }
              });
    }
  }

  private static void requireEveryProperty(ObjectNode schema) {
    JsonNode properties = schema.get("properties");
    if (!(properties instanceof ObjectNode propertyMap)) {
      return;
    }
    Set<String> required = new LinkedHashSet<>();
    JsonNode requiredNode = schema.get("required");
    if (requiredNode != null && requiredNode.isArray()) {
      requiredNode.forEach(name -> required.add(name.asText()));
    }
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : propertyMap.properties()) {
      if (!required.contains(entry.getKey())) {
        added.add(entry.getKey());
        entry.setValue(nullableCopy(entry.getValue()));
      }
    }
    if (added.isEmpty() && requiredNode != null) {
      return;
    }
    ArrayNode names = schema.putArray("required");
    required.forEach(names::add);
    added.forEach(names::add);
  }

  /** A property schema that also accepts {@code null}, for a property strict mode must require. */
  private static JsonNode nullableCopy(JsonNode property) {
    if (!(property instanceof ObjectNode schema)) {
      return property; // true/false schemas: true already accepts null
    }
    makeNullable(schema);
    return schema;
  }

  private static void makeNullable(ObjectNode schema) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonNode type = schema.get("type");
    JsonNode anyOf = schema.get("anyOf");
    if (type != null && type.isTextual() && !schema.has("anyOf") && !schema.has("const")) {
      if (!type.asText().equals("null")) {
        schema.set("type", nodes.arrayNode().add(type.asText()).add("null"));
      }
      addNullToEnum(schema);
    } else if (type != null && type.isArray() && !schema.has("anyOf") && !schema.has("const")) {
      if (!containsText((ArrayNode) type, "null")) {
        ((ArrayNode) type).add("null");
      }
      addNullToEnum(schema);
    } else if (anyOf instanceof ArrayNode alternatives && schema.size() <= 2) {
      for (JsonNode alternative : alternatives) {
        if (alternative.path("type").asText().equals("null")) {
          return;
        }
      }
      alternatives.add(nodes.objectNode().put("type", "null"));
    } else {
      // $ref, const, or no type at all: wrap, keeping the description outside for the model.
      ObjectNode original = schema.deepCopy();
      JsonNode description = original.remove("description");
      schema.removeAll();
      if (description != null) {
        schema.set("description", description);
      }
      schema.putArray("anyOf").add(original).add(nodes.objectNode().put("type", "null"));
    }
  }

  private static void addNullToEnum(ObjectNode schema) {
    JsonNode values = schema.get("enum");
    if (values instanceof ArrayNode array) {
      for (JsonNode value : array) {
        if (value.isNull()) {
          return;
        }
      }
      array.addNull();
    }
  }

  private static boolean containsText(ArrayNode array, String text) {
    for (JsonNode element : array) {
      if (element.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }
}
