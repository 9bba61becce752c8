package dev.reverie.codec.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.error.ProviderException;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Responses body into a {@link Response}, and holds the item mappings the stream decoder
 * shares: output text with its citations, function calls, web search calls (a provider-executed
 * call and result), reasoning (its summaries as text; item id, encrypted content and summaries in
 * the {@code openai} data), usage and finish reason.
 */
final class ResponsesResponseDecoder {
  static final String OPENAI = ResponsesOptions.OPTIONS_KEY;

  private final String providerId;

  /**
   * @param providerId the provider, for errors (e.g. {@code azure})
   */
  ResponsesResponseDecoder(String providerId) {
    this.providerId = providerId;
  }

  Response decode(String bodyText, List<CallWarning> warnings) {
    JsonNode body = Json.parse(bodyText, providerId + " response");
    JsonNode error = body.path("error");
    if (error.isObject() && !Json.text(error, "message").isEmpty()) {
      throw failure(providerId, error, "");
    }
    var content = new ArrayList<Part>();
    boolean functionCalls = false;
    boolean refused = false;
    for (JsonNode item : body.path("output")) {
      switch (Json.text(item, "type")) {
        case "message" -> {
          for (JsonNode block : item.path("content")) {
            String type = Json.text(block, "type");
            if (type.equals("output_text")) {
              content.add(TextPart.of(Json.text(block, "text")));
              for (JsonNode annotation : block.path("annotations")) {
                SourcePart source = source(annotation, "source-" + content.size());
                if (source != null) content.add(source);
              }
            } else if (type.equals("refusal")) {
              refused = true;
              content.add(TextPart.of(Json.text(block, "refusal")));
            }
          }
        }
        case "function_call" -> {
          functionCalls = true;
          content.add(functionCall(item, Json.text(item, "arguments")));
        }
        case "web_search_call" -> {
          content.add(webSearchCall(item));
          content.add(webSearchResult(item));
        }
        case "reasoning" -> {
          ReasoningPart reasoning = reasoning(item, Json.text(item, "encrypted_content"));
          if (reasoning != null) content.add(reasoning);
        }
        default -> {
          // item types added after this code was written
        }
      }
    }
    FinishReason finish =
        refused ? FinishReason.CONTENT_FILTER : finishReason(incompleteReason(body), functionCalls);
    return new Response(content, finish, usage(body.path("usage")), warnings, metadata(body));
  }

  static String incompleteReason(JsonNode response) {
    return Json.text(response.path("incomplete_details"), "reason");
  }

  /** The finish reason of a response that ended with this incomplete reason ("" for none). */
  static FinishReason finishReason(String incompleteReason, boolean functionCalls) {
    return switch (incompleteReason) {
      case "" -> functionCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
      case "max_output_tokens", "max_tokens" -> FinishReason.LENGTH;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    };
  }

  /**
   * Usage: input excludes cached tokens (reported as cache reads), the total is input plus output
   * as the API counts them.
   */
  static Usage usage(JsonNode usage) {
    if (!usage.isObject()) return Usage.ZERO;
    long input = usage.path("input_tokens").asLong();
    long cached = usage.path("input_tokens_details").path("cached_tokens").asLong();
    long output = usage.path("output_tokens").asLong();
    long reasoning = usage.path("output_tokens_details").path("reasoning_tokens").asLong();
    return new Usage(input - cached, output, input + output, reasoning, 0, cached);
  }

  /** {@code openai: {response_id, model, incomplete_reason}}, from a response object. */
  static ProviderData metadata(JsonNode response) {
    ObjectNode meta = Json.object();
    String id = Json.text(response, "id");
    if (!id.isEmpty()) meta.put("response_id", id);
    String model = Json.text(response, "model");
    if (!model.isEmpty()) meta.put("model", model);
    String incomplete = incompleteReason(response);
    if (!incomplete.isEmpty()) meta.put("incomplete_reason", incomplete);
    return meta.isEmpty() ? ProviderData.EMPTY : ProviderData.of(OPENAI, Json.value(meta));
  }

  /** A failed response's or an error event's error, as a typed exception. */
  static ProviderException failure(String providerId, JsonNode error, String fallbackMessage) {
    String code = Json.text(error, "code");
    String type = Json.text(error, "type");
    String message = Json.text(error, "message");
    if (message.isEmpty()) message = fallbackMessage.isEmpty() ? "(no message)" : fallbackMessage;
    String kind = code.isEmpty() ? type : code;
    return new ProviderException(
        providerId,
        0,
        kind,
        message,
        "",
        ProviderException.isTransientErrorType(code)
            || ProviderException.isTransientErrorType(type),
        -1);
  }

  static ToolCallPart functionCall(JsonNode item, String arguments) {
    return new ToolCallPart(
        Json.text(item, "call_id"),
        Json.text(item, "name"),
        arguments,
        false,
        openai("item_id", Json.text(item, "id")));
  }

  static ToolCallPart webSearchCall(JsonNode item) {
    JsonNode action = item.path("action");
    return new ToolCallPart(
        Json.text(item, "id"),
        ResponsesTools.WEB_SEARCH_NAME,
        action.isObject() ? Json.write(action) : "{}",
        true,
        openai("item_id", Json.text(item, "id")));
  }

  static ToolResultPart webSearchResult(JsonNode item) {
    JsonNode action = item.path("action");
    ObjectNode data = Json.object();
    data.put("item_id", Json.text(item, "id"));
    if (action.isObject()) data.set("action", action);
    return new ToolResultPart(
        Json.text(item, "id"),
        ResponsesTools.WEB_SEARCH_NAME,
        ToolOutput.json(Json.value(action.isObject() ? (ObjectNode) action : Json.object())),
        true,
        ProviderData.of(OPENAI, Json.value(data)));
  }

  /** A reasoning part, or null when the item has neither summaries nor encrypted content. */
  static ReasoningPart reasoning(JsonNode item, String encryptedContent) {
    var summaries = new ArrayList<String>();
    for (JsonNode summary : item.path("summary")) summaries.add(Json.text(summary, "text"));
    if (summaries.isEmpty() && encryptedContent.isEmpty()) return null;
    return new ReasoningPart(
        String.join("\n", summaries),
        reasoningData(Json.text(item, "id"), encryptedContent, summaries));
  }

  /** {@code openai: {item_id, encrypted_content, summary}} of a reasoning item. */
  static ProviderData reasoningData(String itemId, String encryptedContent, List<String> summary) {
    ObjectNode data = Json.object();
    data.put("item_id", itemId);
    if (!encryptedContent.isEmpty()) data.put("encrypted_content", encryptedContent);
    if (summary != null) {
      ArrayNode array = data.putArray("summary");
      summary.forEach(array::add);
    }
    return ProviderData.of(OPENAI, Json.value(data));
  }

  /** A URL or file citation as a source, or null for another annotation. */
  static SourcePart source(JsonNode annotation, String id) {
    switch (Json.text(annotation, "type")) {
      case "url_citation" -> {
        return SourcePart.url(id, Json.text(annotation, "url"), Json.text(annotation, "title"));
      }
      case "file_citation" -> {
        String filename = Json.text(annotation, "filename");
        ObjectNode data = Json.object();
        data.put("file_id", Json.text(annotation, "file_id"));
        data.put("media_type", "text/plain");
        if (!filename.isEmpty()) data.put("filename", filename);
        return new SourcePart(
            SourcePart.Kind.DOCUMENT,
            id,
            "",
            filename.isEmpty() ? "Document" : filename,
            ProviderData.of(OPENAI, Json.value(data)));
      }
      default -> {
        return null;
      }
    }
  }

  private static ProviderData openai(String key, String value) {
    if (value.isEmpty()) return ProviderData.EMPTY;
    ObjectNode data = Json.object();
    data.put(key, value);
    return ProviderData.of(OPENAI, Json.value(data));
  }
}
