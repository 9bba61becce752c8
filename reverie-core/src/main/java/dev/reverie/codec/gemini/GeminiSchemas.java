package dev.reverie.codec.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts a JSON schema to the {@code Schema} dialect of Gemini function declarations: upper-case
 * types ({@code OBJECT}, {@code STRING}, {@code INTEGER}, {@code NUMBER}, {@code BOOLEAN}, {@code
 * ARRAY}), {@code nullable} instead of a {@code null} type. Kept: {@code type}, {@code
 * description}, {@code enum}, {@code properties}, {@code required}, {@code items}, {@code anyOf};
 * everything else ({@code additionalProperties}, {@code $schema}, {@code format}…) is dropped, as
 * the API rejects or ignores it. A missing type is inferred ({@code properties} → object, {@code
 * items} → array); an unknown one becomes {@code STRING}.
 */
final class GeminiSchemas {
  private static final Set<String> TYPES =
      Set.of("OBJECT", "STRING", "INTEGER", "NUMBER", "BOOLEAN", "ARRAY");

  private GeminiSchemas() {}

  static ObjectNode toGemini(JsonNode schema) {
    ObjectNode out = Json.object();
    if (schema == null || !schema.isObject()) {
      out.put("type", "STRING");
      return out;
    }
    if (schema.path("anyOf").isArray()) {
      ArrayNode anyOf = out.putArray("anyOf");
      for (JsonNode alternative : schema.get("anyOf")) {
        if (!"null".equals(alternative.path("type").asText())) anyOf.add(toGemini(alternative));
        else out.put("nullable", true);
      }
      copyDescription(schema, out);
      return out;
    }
    String type = type(schema, out);
    out.put("type", type);
    copyDescription(schema, out);
    if (schema.path("enum").isArray()) {
      ArrayNode values = out.putArray("enum");
      for (JsonNode value : schema.get("enum")) {
        if (!value.isNull()) values.add(value.asText());
      }
    }
    if (type.equals("OBJECT") && schema.path("properties").isObject()) {
      ObjectNode properties = out.putObject("properties");
      for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
        properties.set(property.getKey(), toGemini(property.getValue()));
      }
    }
    if (type.equals("OBJECT") && schema.path("required").isArray()) {
      out.set("required", schema.get("required").deepCopy());
    }
    if (type.equals("ARRAY") && schema.has("items")) {
      out.set("items", toGemini(schema.get("items")));
    }
    return out;
  }

  private static void copyDescription(JsonNode schema, ObjectNode out) {
    String description = Json.text(schema, "description");
    if (!description.isEmpty()) out.put("description", description);
  }

  /** The Gemini type; a {@code ["string", "null"]} type also sets {@code nullable}. */
  private static String type(JsonNode schema, ObjectNode out) {
    JsonNode type = schema.get("type");
    String name = "";
    if (type != null && type.isTextual()) {
      name = type.asText();
    } else if (type != null && type.isArray()) {
      for (JsonNode alternative : type) {
        if (alternative.asText().equals("null")) out.put("nullable", true);
        else if (name.isEmpty()) name = alternative.asText();
      }
    }
    if (name.isEmpty()) {
      if (schema.has("properties")) return "OBJECT";
      if (schema.has("items")) return "ARRAY";
      return "STRING";
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return TYPES.contains(upper) ? upper : "STRING";
  }
}
