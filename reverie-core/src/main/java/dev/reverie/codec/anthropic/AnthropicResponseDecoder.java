package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonValue;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Messages API response body (a {@code message} object) into a {@link Response}. Pure and
 * thread-safe.
 *
 * <p>Content blocks map to parts in order: {@code text} → {@link TextPart}; {@code thinking} →
 * {@link ReasoningPart} with {@code {"signature": ...}} in its {@code anthropic} data; {@code
 * redacted_thinking} → an empty {@link ReasoningPart} with {@code {"redacted_data": ...}}; {@code
 * tool_use} → {@link ToolCallPart}; {@code server_tool_use} → a provider-executed {@link
 * ToolCallPart}; a server tool's result block (e.g. {@code web_search_tool_result}) → one {@link
 * SourcePart} per result URL, then a provider-executed {@link ToolResultPart} that keeps the block
 * under {@value #RESULT_BLOCK} so the next turn can send it back unchanged. Unknown blocks are
 * skipped.
 */
public final class AnthropicResponseDecoder {
  /** Key, in a server tool result's {@code anthropic} data, of the result block as received. */
  public static final String RESULT_BLOCK = "result_block";

  private static final String PROVIDER = AnthropicFormat.OPTIONS_KEY;
  private static final String RESULT_SUFFIX = "_tool_result";

  /**
   * Decodes a response body.
   *
   * @throws StreamProtocolException when the body is not a JSON message object
   */
  public Response decode(String body, List<CallWarning> warnings) {
    JsonNode message = Json.parse(body, "the Anthropic response");
    if (message == null || !message.isObject() || !message.path("content").isArray()) {
      throw new StreamProtocolException(
          "the Anthropic response is not a message: " + Json.abbreviate(body));
    }
    return decode(message, warnings);
  }

  /** Decodes a parsed {@code message} object. */
  public Response decode(JsonNode message, List<CallWarning> warnings) {
    var parts = new ArrayList<Part>();
    Map<String, String> serverToolNames = new HashMap<>();
    for (JsonNode block : message.path("content")) {
      String type = Json.text(block, "type");
      switch (type) {
        case "text" -> parts.add(TextPart.of(Json.text(block, "text")));
        case "thinking" ->
            parts.add(
                reasoning(
                    Json.text(block, "thinking"), "signature", Json.text(block, "signature")));
        case "redacted_thinking" ->
            parts.add(reasoning("", "redacted_data", Json.text(block, "data")));
        case "tool_use", "server_tool_use" -> {
          boolean server = type.equals("server_tool_use");
          String id = Json.text(block, "id");
          String name = Json.text(block, "name");
          if (server) serverToolNames.put(id, name);
          JsonNode input = block.get("input");
          parts.add(
              new ToolCallPart(
                  id,
                  name,
                  input == null || input.isNull() ? "{}" : Json.write(input),
                  server,
                  ProviderData.EMPTY));
        }
        default -> {
          if (isServerToolResult(block)) {
            String toolUseId = Json.text(block, "tool_use_id");
            parts.addAll(serverToolResult(block, serverToolNames.get(toolUseId)));
          }
        }
      }
    }
    return new Response(
        parts,
        finishReason(Json.text(message, "stop_reason")),
        usage(message.path("usage")),
        warnings,
        metadata(message));
  }

  static ReasoningPart reasoning(String text, String key, String value) {
    ObjectNode data = Json.object();
    if (!value.isEmpty()) data.put(key, value);
    return new ReasoningPart(
        text, data.isEmpty() ? ProviderData.EMPTY : ProviderData.of(PROVIDER, data));
  }

  /** Whether a content block is the result of a server-executed tool. */
  static boolean isServerToolResult(JsonNode block) {
    return Json.text(block, "type").endsWith(RESULT_SUFFIX) && block.hasNonNull("tool_use_id");
  }

  /**
   * The parts for a server tool's result block: a source per result with a URL, then the
   * provider-executed tool result.
   *
   * @param toolName the name of the server tool call this answers, or null if unknown
   */
  static List<Part> serverToolResult(JsonNode block, String toolName) {
    ObjectNode kept = withoutNulls(block);
    kept.remove("caller");
    String type = Json.text(block, "type");
    String name =
        toolName != null && !toolName.isEmpty()
            ? toolName
            : type.substring(0, type.length() - RESULT_SUFFIX.length());
    JsonNode content = kept.path("content");
    var parts = new ArrayList<Part>();
    ToolOutput output;
    if (content.isArray()) {
      ArrayNode readable = Json.MAPPER.createArrayNode();
      for (JsonNode result : content) {
        String url = Json.text(result, "url");
        if (!url.isEmpty()) parts.add(SourcePart.url(url, url, Json.text(result, "title")));
        ObjectNode entry = result.isObject() ? ((ObjectNode) result).deepCopy() : Json.object();
        entry.remove("encrypted_content");
        readable.add(entry);
      }
      output = ToolOutput.json(JsonValue.fromJsonNode(readable));
    } else if (content.has("error_code")) {
      output = ToolOutput.error(name + " failed: " + Json.text(content, "error_code"));
    } else {
      output =
          ToolOutput.json(
              JsonValue.fromJsonNode(content.isMissingNode() ? Json.object() : content));
    }
    ObjectNode data = Json.object();
    data.set(RESULT_BLOCK, kept);
    parts.add(
        new ToolResultPart(
            Json.text(block, "tool_use_id"), name, output, true, ProviderData.of(PROVIDER, data)));
    return parts;
  }

  /** A deep copy without null-valued fields, as the API expects result blocks back. */
  private static ObjectNode withoutNulls(JsonNode node) {
    return (ObjectNode) stripNulls(node.deepCopy());
  }

  private static JsonNode stripNulls(JsonNode node) {
    if (node.isObject()) {
      var nullFields = new ArrayList<String>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getValue().isNull()) nullFields.add(field.getKey());
        else stripNulls(field.getValue());
      }
      ((ObjectNode) node).remove(nullFields);
    } else if (node.isArray()) {
      node.forEach(AnthropicResponseDecoder::stripNulls);
    }
    return node;
  }

  /** Maps a {@code stop_reason}; empty means the provider gave none. */
  public static FinishReason finishReason(String stopReason) {
    return switch (stopReason) {
      case "" -> FinishReason.UNKNOWN;
      case "end_turn", "stop_sequence" -> FinishReason.STOP;
      case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
      case "tool_use" -> FinishReason.TOOL_CALLS;
      case "refusal", "content_filtered", "guardrail_intervened" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER; // pause_turn and reasons added later
    };
  }

  /**
   * Usage from a {@code usage} object. Anthropic's {@code input_tokens} excludes both cache reads
   * and cache writes, which are reported apart; the total counts all of them, as {@link Usage}
   * defines it for every provider.
   */
  public static Usage usage(JsonNode usage) {
    long input = usage.path("input_tokens").asLong(0);
    long output = usage.path("output_tokens").asLong(0);
    long cacheCreation = usage.path("cache_creation_input_tokens").asLong(0);
    long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
    return new Usage(
        input, output, input + cacheCreation + cacheRead + output, 0, cacheCreation, cacheRead);
  }

  /** Response-level metadata of a whole message; see {@link #metadata(String, String)}. */
  static ProviderData metadata(JsonNode message) {
    return metadata(Json.text(message, "stop_reason"), Json.text(message, "stop_sequence"));
  }

  /**
   * Response-level metadata: the stop sequence that ended the output, if one did, and the raw
   * {@code stop_reason} when it maps to {@link FinishReason#OTHER} ({@code pause_turn}, or a reason
   * added later), so a caller can still tell it apart: a paused turn is meant to be continued.
   */
  static ProviderData metadata(String stopReason, String stopSequence) {
    boolean unmapped = finishReason(stopReason) == FinishReason.OTHER;
    if (stopSequence.isEmpty() && !unmapped) return ProviderData.EMPTY;
    ObjectNode data = Json.object();
    if (!stopSequence.isEmpty()) data.put("stop_sequence", stopSequence);
    if (unmapped) data.put("stop_reason", stopReason);
    return ProviderData.of(PROVIDER, data);
  }
}
