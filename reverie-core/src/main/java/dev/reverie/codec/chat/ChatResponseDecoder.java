package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import java.util.ArrayList;
import java.util.List;

/** Turns a chat-completions response body into a {@link Response}. */
final class ChatResponseDecoder {
  private final ChatDialect dialect;

  public ChatResponseDecoder(ChatDialect dialect) {
    this.dialect = dialect;
  }

  public Response decode(String bodyText, List<CallWarning> warnings) {
    JsonNode body = Json.parse(bodyText, dialect.serviceId() + " response");
    JsonNode choices = body.path("choices");
    if (!choices.isArray() || choices.isEmpty()) {
      throw new StreamProtocolException(
          dialect.serviceId() + " response has no choices: " + Json.abbreviate(bodyText));
    }
    JsonNode choice = choices.get(0);
    JsonNode message = choice.path("message");
    var content = new ArrayList<Part>();
    ChatReasoningReader reasoning = dialect.reasoningReader();
    String reasoningText = message.isObject() ? reasoning.read(message) : "";
    if (reasoning.hasPending()) {
      content.add(new ReasoningPart(reasoningText, reasoning.endBlock()));
    }
    String text = Json.text(message, "content");
    if (!text.isEmpty()) content.add(TextPart.of(text));
    String refusal = Json.text(message, "refusal");
    if (!refusal.isEmpty()) content.add(TextPart.of(refusal));
    int index = 0;
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      String id = Json.text(call, "id");
      content.add(
          ToolCallPart.of(
              id.isEmpty() ? "tool-call-" + index : id,
              Json.text(function, "name"),
              Json.text(function, "arguments")));
      index++;
    }
    for (JsonNode annotation : message.path("annotations")) {
      if ("url_citation".equals(Json.text(annotation, "type"))) {
        JsonNode citation = annotation.path("url_citation");
        content.add(
            SourcePart.url(
                "source-" + content.size(),
                Json.text(citation, "url"),
                Json.text(citation, "title")));
      }
    }
    FinishReason finish =
        withToolCalls(
            dialect.finishReason(Json.text(choice, "finish_reason")),
            content.stream().anyMatch(ToolCallPart.class::isInstance));
    if (!refusal.isEmpty()) finish = FinishReason.CONTENT_FILTER;
    return new Response(
        content, finish, dialect.usage(body.path("usage")), warnings, metadata(body, choice));
  }

  private ProviderData metadata(JsonNode body, JsonNode choice) {
    var meta = Json.object();
    if (body.path("id").isTextual()) meta.put("response_id", body.get("id").asText());
    if (body.path("model").isTextual()) meta.put("model", body.get("model").asText());
    var fields = dialect.metadataFields();
    if (!fields.isEmpty()) {
      var extras = Json.object();
      for (String name : fields) {
        if (body.has(name)) extras.set(name, body.get(name));
        else if (choice.has(name)) extras.set(name, choice.get(name));
      }
      dialect.metadata(extras, body.path("usage"), meta);
    } else if (body.path("usage").isObject()) {
      dialect.metadata(Json.object(), body.path("usage"), meta);
    }
    return meta.isEmpty() ? ProviderData.EMPTY : ProviderData.of(dialect.providerId(), meta);
  }

  /**
   * Tool calls make an answer's finish reason {@code TOOL_CALLS} (some models say {@code stop}),
   * except when the output was cut off or filtered: that must stay visible.
   */
  static FinishReason withToolCalls(FinishReason reason, boolean hasToolCalls) {
    if (!hasToolCalls || reason == FinishReason.LENGTH || reason == FinishReason.CONTENT_FILTER) {
      return reason;
    }
    return FinishReason.TOOL_CALLS;
  }

  /** Maps {@code finish_reason} values. */
  public static FinishReason mapFinishReason(String reason) {
    return switch (reason) {
      case "stop" -> FinishReason.STOP;
      case "length" -> FinishReason.LENGTH;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
      case "" -> FinishReason.UNKNOWN;
      default -> FinishReason.OTHER;
    };
  }
}
