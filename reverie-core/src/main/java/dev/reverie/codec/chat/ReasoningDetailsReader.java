package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.ProviderData;
import dev.reverie.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code reasoning_details} of the gateways that route to many model families
 * (OpenRouter, Vercel's AI Gateway): typed entries ({@code reasoning.text} with an optional
 * signature, {@code reasoning.summary}, {@code reasoning.encrypted}) tagged with the upstream
 * format ({@code anthropic-claude-v1}, {@code openai-responses-v1}, {@code google-gemini-v1}…).
 *
 * <p>Streamed entries of one type and index are merged (texts and summaries joined, signature, data
 * and id taken when they arrive). A block's provider data keeps the merged entries as they came,
 * under the gateway's key ({@code {"openrouter": {"reasoning_details": [...]}}}) so that they can
 * be replayed exactly, entries of an unknown type or format included; and, parsed per format, under
 * the upstream's own key, so that the reasoning means the same as it would from that provider
 * directly: an Anthropic signature as {@code {"anthropic": {"signature"}}}, OpenAI encrypted
 * reasoning as {@code {"openai": {"item_id", "encrypted_content"}}}, a Gemini thought signature as
 * {@code {"google": {"signature", "tool_id"}}}.
 *
 * <p>Without {@code reasoning_details} the plain {@code reasoning} string is read as text.
 */
public final class ReasoningDetailsReader implements ChatReasoningReader {
  /** The field under the gateway's key that holds the merged entries. */
  public static final String DETAILS = "reasoning_details";

  private final String providerKey;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private boolean pending;

  /**
   * @param providerKey the gateway's provider id, e.g. {@code openrouter}
   */
  public ReasoningDetailsReader(String providerKey) {
    this.providerKey = providerKey;
  }

  @Override
  public String read(JsonNode messageOrDelta) {
    JsonNode details = messageOrDelta.get(DETAILS);
    if (!hasUsableEntry(details)) {
      // No details (or none usable): the plain text is all there is, and it must not be lost.
      JsonNode plain = messageOrDelta.get("reasoning");
      if (plain == null || !plain.isTextual() || plain.asText().isEmpty()) return "";
      pending = true;
      return plain.asText();
    }
    var text = new StringBuilder();
    for (JsonNode entry : details) {
      if (!entry.isObject()) continue;
      String type = Json.text(entry, "type");
      int index = entry.path("index").canConvertToInt() ? entry.path("index").asInt() : 0;
      String key = type + "#" + index;
      Entry merged = entries.get(key);
      if (merged == null) entries.put(key, new Entry(entry));
      else merged.add(entry);
      pending = true;
      if (type.equals("reasoning.text")) text.append(Json.text(entry, "text"));
      else if (type.equals("reasoning.summary")) text.append(Json.text(entry, "summary"));
    }
    return text.toString();
  }

  private static boolean hasUsableEntry(JsonNode details) {
    if (details == null || !details.isArray()) return false;
    for (JsonNode entry : details) {
      if (entry.isObject()) return true;
    }
    return false;
  }

  /**
   * One merged entry: the first piece copied whole, later pieces filling in fields, and the texts
   * of all pieces joined only when the block ends (joining on every piece would be quadratic).
   */
  private static final class Entry {
    private final ObjectNode fields;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder summary = new StringBuilder();

    Entry(JsonNode first) {
      fields = (ObjectNode) first.deepCopy();
      appendTexts(first);
    }

    void add(JsonNode piece) {
      for (var field : (Iterable<Map.Entry<String, JsonNode>>) piece::fields) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if (name.equals("text") || name.equals("summary")) continue;
        if (!value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
          fields.set(name, value);
        } else if (!fields.has(name)) {
          fields.set(name, value);
        }
      }
      appendTexts(piece);
    }

    private void appendTexts(JsonNode piece) {
      if (piece.path("text").isTextual()) text.append(piece.get("text").asText());
      if (piece.path("summary").isTextual()) summary.append(piece.get("summary").asText());
    }

    ObjectNode merged() {
      if (fields.has("text") || text.length() > 0) fields.put("text", text.toString());
      if (fields.has("summary") || summary.length() > 0) fields.put("summary", summary.toString());
      return fields;
    }
  }

  @Override
  public boolean hasPending() {
    return pending;
  }

  @Override
  public ProviderData endBlock() {
    if (!pending) return ProviderData.EMPTY;
    pending = false;
    ProviderData data = ProviderData.EMPTY;
    if (!entries.isEmpty()) {
      ArrayNode list = Json.MAPPER.createArrayNode();
      entries.values().forEach(entry -> list.add(entry.merged()));
      ObjectNode gateway = Json.object();
      gateway.set(DETAILS, list);
      data = data.with(providerKey, gateway);
      data = withUpstreamMeaning(data, list);
    }
    entries.clear();
    return data;
  }

  private static ProviderData withUpstreamMeaning(ProviderData data, ArrayNode list) {
    for (JsonNode entry : list) {
      String format = Json.text(entry, "format");
      String type = Json.text(entry, "type");
      if (format.startsWith("anthropic-claude") && !Json.text(entry, "signature").isEmpty()) {
        data =
            data.with("anthropic", Json.object().put("signature", Json.text(entry, "signature")));
      } else if ((format.startsWith("openai-responses") || format.startsWith("xai-responses"))
          && type.equals("reasoning.encrypted")
          && !Json.text(entry, "data").isEmpty()) {
        ObjectNode openai = Json.object();
        if (!Json.text(entry, "id").isEmpty()) openai.put("item_id", Json.text(entry, "id"));
        openai.put("encrypted_content", Json.text(entry, "data"));
        data = data.with("openai", openai);
      } else if (format.startsWith("google-gemini")
          && type.equals("reasoning.encrypted")
          && !Json.text(entry, "data").isEmpty()) {
        ObjectNode google = Json.object().put("signature", Json.text(entry, "data"));
        if (!Json.text(entry, "id").isEmpty()) google.put("tool_id", Json.text(entry, "id"));
        data = data.with("google", google);
      }
    }
    return data;
  }
}
