package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import java.util.ArrayList;
import java.util.List;
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
          Json.node(reasoning.providerData(), providerKey)
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
        for (ObjectNode converted : converted(reasoning, modelId)) {
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

  private static List<ObjectNode> converted(ReasoningPart reasoning, String modelId) {
    String family = modelId.toLowerCase(Locale.ROOT);
    var data = reasoning.providerData();
    var out = new ArrayList<ObjectNode>();
    if (family.startsWith("anthropic/")) {
      if (reasoning.text().isEmpty()) return out;
      ObjectNode entry =
          entry("reasoning.text", "anthropic-claude-v1").put("text", reasoning.text());
      String signature =
          Json.node(data, "anthropic").map(o -> Json.text(o, "signature")).orElse("");
      if (!signature.isEmpty()) entry.put("signature", signature);
      out.add(entry);
    } else if (family.startsWith("openai/")
        || family.startsWith("x-ai/")
        || family.startsWith("xai/")) {
      String format = family.startsWith("openai/") ? "openai-responses-v1" : "xai-responses-v1";
      if (!reasoning.text().isEmpty()) {
        out.add(entry("reasoning.summary", format).put("summary", reasoning.text()));
      }
      Json.node(data, "openai")
          .filter(o -> !Json.text(o, "encrypted_content").isEmpty())
          .ifPresent(
              openai -> {
                ObjectNode entry =
                    entry("reasoning.encrypted", format)
                        .put("data", Json.text(openai, "encrypted_content"));
                if (!Json.text(openai, "item_id").isEmpty()) {
                  entry.put("id", Json.text(openai, "item_id"));
                }
                out.add(entry);
              });
    } else if (family.startsWith("google/")) {
      if (!reasoning.text().isEmpty()) {
        out.add(entry("reasoning.text", "google-gemini-v1").put("text", reasoning.text()));
      }
      Json.node(data, "google")
          .filter(o -> !Json.text(o, "signature").isEmpty())
          .ifPresent(
              google -> {
                ObjectNode entry =
                    entry("reasoning.encrypted", "google-gemini-v1")
                        .put("data", Json.text(google, "signature"));
                if (!Json.text(google, "tool_id").isEmpty()) {
                  entry.put("id", Json.text(google, "tool_id"));
                }
                out.add(entry);
              });
    } else if (!reasoning.text().isEmpty()) {
      out.add(entry("reasoning.text", "unknown").put("text", reasoning.text()));
    }
    return out;
  }

  private static ObjectNode entry(String type, String format) {
    ObjectNode entry = Json.object();
    entry.put("type", type);
    entry.put("format", format);
    entry.put("index", 0);
    return entry;
  }
}
