package dev.reverie.provider.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.codec.chat.CacheControlPassthrough;
import dev.reverie.codec.chat.ChatDialect;
import dev.reverie.codec.chat.ChatOptionFields;
import dev.reverie.codec.chat.ChatReasoningReader;
import dev.reverie.codec.chat.ChatRequest;
import dev.reverie.codec.chat.ReasoningDetailsReader;
import dev.reverie.codec.chat.ReasoningDetailsReplay;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Message;
import dev.reverie.message.Role;
import dev.reverie.spi.ModelCapabilities;
import java.util.Map;
import java.util.Set;

/**
 * OpenRouter's chat dialect: {@code reasoning}, {@code provider} routing and usage accounting in
 * the request; {@code reasoning_details}, the upstream {@code provider}, {@code
 * native_finish_reason} and cost in the answer; cache markers and reasoning replayed.
 */
final class OpenRouterDialect implements ChatDialect {
  private static final Map<String, String> PASS_THROUGH =
      Map.ofEntries(
          Map.entry("provider", "provider"),
          Map.entry("models", "models"),
          Map.entry("user", "user"),
          Map.entry("parallel_tool_calls", "parallel_tool_calls"),
          Map.entry("logit_bias", "logit_bias"),
          Map.entry("logprobs", "logprobs"),
          Map.entry("top_logprobs", "top_logprobs"));

  @Override
  public String providerId() {
    return OpenRouter.PROVIDER_ID;
  }

  @Override
  public ModelCapabilities capabilities(String modelId) {
    // Not every upstream enforces json_schema; a forced tool works across all of them.
    return ModelCapabilities.toolsOnly();
  }

  @Override
  public void prepareRequest(ChatRequest request) {
    ObjectNode body = request.body();
    ObjectNode o = Json.node(request.call().providerOptions(), providerId()).orElse(null);
    JsonNode includeUsage = o == null ? null : o.get("include_usage");
    if (includeUsage == null || !includeUsage.isBoolean() || includeUsage.asBoolean()) {
      body.putObject("usage").put("include", true);
    }
    if (o == null) return;
    ObjectNode reasoning = ChatOptionFields.reasoningObject(providerId(), o);
    if (reasoning != null) body.set("reasoning", reasoning);
    ChatOptionFields.copy(o, body, PASS_THROUGH);
    ChatOptionFields.mergeExtraBody(providerId(), o, body);
  }

  @Override
  public void decorateMessage(Message message, ObjectNode wireMessage, ChatRequest request) {
    if (message.role() == Role.ASSISTANT) {
      ReasoningDetailsReplay.addTo(wireMessage, message, providerId(), request.modelId());
    }
    CacheControlPassthrough.decorate(message, wireMessage);
  }

  @Override
  public ChatReasoningReader reasoningReader() {
    return new ReasoningDetailsReader(providerId());
  }

  @Override
  public Set<String> metadataFields() {
    return Set.of("provider", "native_finish_reason");
  }

  @Override
  public void metadata(JsonNode extras, JsonNode usage, ObjectNode metadata) {
    JsonNode provider = extras.get("provider");
    if (provider != null && provider.isTextual()) metadata.put("provider", provider.asText());
    JsonNode nativeFinish = extras.get("native_finish_reason");
    if (nativeFinish != null && nativeFinish.isTextual()) {
      metadata.put("native_finish_reason", nativeFinish.asText());
    }
    if (usage.isObject()) {
      for (String field : new String[] {"cost", "cost_details", "is_byok"}) {
        JsonNode value = usage.get(field);
        if (value != null && !value.isNull()) metadata.set(field, value);
      }
    }
  }
}
