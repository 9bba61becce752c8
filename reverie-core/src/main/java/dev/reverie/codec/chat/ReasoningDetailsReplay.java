package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import java.util.Locale;

/**
 * Sends an assistant message's reasoning back to a gateway as {@code reasoning_details} (and the
 * plain text as {@code reasoning}), the other half of {@link ReasoningDetailsReader}.
 *
 * <p>Entries the gateway sent are replayed as they came (merged), keeping only the fields the
 * gateway reads back. Reasoning from elsewhere (a conversation begun with Anthropic directly, say)
 * is converted by the format the model's family expects, told by the model-id prefix: an Anthropic
 * signature for {@code anthropic/}, OpenAI encrypted reasoning for {@code openai/}, a Gemini
 * signature for {@code google/}; plain text otherwise.
 */
public final class ReasoningDetailsReplay {
  private ReasoningDetailsReplay() {}

  /** Adds {@code reasoning_details} and {@code reasoning} to {@code wire} when there is any. */
  public static void addTo(ObjectNode wire, Message message, String providerKey, String modelId) {
    ArrayNode details = Json.MAPPER.createArrayNode();
    var text = new StringBuilder();
    for (Part part : message.parts()) {
      if (!(part instanceof ReasoningPart reasoning)) continue;
      var own =
          reasoning
              .providerData()
              .get(providerKey)
              .map(o -> o.path(ReasoningDetailsReader.DETAILS))
              .filter(JsonNode::isArray);
      if (own.isPresent()) {
        for (JsonNode entry : own.get()) {
          if (!entry.isObject()) continue;
          ObjectNode replayed = replayed(entry);
          details.add(replayed);
          if (Json.text(replayed, "type").equals("reasoning.text")) {
            text.append(Json.text(replayed, "text"));
          }
        }
      } else {
        ObjectNode converted = converted(reasoning, modelId);
        if (converted != null) {
          details.add(converted);
          text.append(Json.text(converted, "text"));
        }
      }
    }
    if (details.isEmpty()) return;
    wire.set(ReasoningDetailsReader.DETAILS, details);
    if (text.length() > 0) wire.put("reasoning", text.toString());
  }

  // The fields a gateway reads back, per entry type; anything of an unknown type goes as it came.
  private static ObjectNode replayed(JsonNode entry) {
    String type = Json.text(entry, "type");
    ObjectNode out = Json.object();
    out.put("type", type);
    switch (type) {
      case "reasoning.text" -> {
        out.put("text", Json.text(entry, "text"));
        copyNonEmpty(entry, out, "signature");
      }
      case "reasoning.summary" -> out.put("summary", Json.text(entry, "summary"));
      case "reasoning.encrypted" -> {
        copyNonEmpty(entry, out, "data");
        copyNonEmpty(entry, out, "id");
      }
      default -> {
        return (ObjectNode) entry.deepCopy();
      }
    }
    copyNonEmpty(entry, out, "format");
    out.put("index", entry.path("index").canConvertToInt() ? entry.path("index").asInt() : 0);
    return out;
  }

  private static void copyNonEmpty(JsonNode from, ObjectNode to, String field) {
    String value = Json.text(from, field);
    if (!value.isEmpty()) to.put(field, value);
  }

  private static ObjectNode converted(ReasoningPart reasoning, String modelId) {
    String family = modelId.toLowerCase(Locale.ROOT);
    var data = reasoning.providerData();
    ObjectNode out = Json.object();
    if (family.startsWith("anthropic/")) {
      String signature = data.get("anthropic").map(o -> Json.text(o, "signature")).orElse("");
      if (reasoning.text().isEmpty()) return null;
      out.put("type", "reasoning.text").put("text", reasoning.text());
      if (!signature.isEmpty()) out.put("signature", signature);
      out.put("format", "anthropic-claude-v1");
    } else if (family.startsWith("openai/")
        && data.get("openai").map(o -> Json.text(o, "encrypted_content")).orElse("").length() > 0) {
      ObjectNode openai = data.get("openai").orElseThrow();
      out.put("type", "reasoning.encrypted").put("data", Json.text(openai, "encrypted_content"));
      if (!Json.text(openai, "item_id").isEmpty()) out.put("id", Json.text(openai, "item_id"));
      out.put("format", "openai-responses-v1");
    } else if (family.startsWith("google/")
        && data.get("google").map(o -> Json.text(o, "signature")).orElse("").length() > 0) {
      ObjectNode google = data.get("google").orElseThrow();
      out.put("type", "reasoning.encrypted").put("data", Json.text(google, "signature"));
      if (!Json.text(google, "tool_id").isEmpty()) out.put("id", Json.text(google, "tool_id"));
      out.put("format", "google-gemini-v1");
    } else {
      if (reasoning.text().isEmpty()) return null;
      out.put("type", "reasoning.text").put("text", reasoning.text()).put("format", "unknown");
    }
    out.put("index", 0);
    return out;
  }
}
