package dev.reverie.provider.vercel;

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
 * The Vercel AI Gateway's chat dialect: {@code reasoning} and the gateway's {@code providerOptions}
 * (order, models, bring-your-own-key) in the request; {@code reasoning_details}, cost and the
 * generation id in the answer; cache markers and reasoning replayed.
 */
final class VercelGatewayDialect implements ChatDialect {
  private static final Map<String, String> PASS_THROUGH =
      Map.ofEntries(
          Map.entry("user", "user"),
          Map.entry("parallel_tool_calls", "parallel_tool_calls"),
          Map.entry("logit_bias", "logit_bias"),
          Map.entry("logprobs", "logprobs"),
          Map.entry("top_logprobs", "top_logprobs"));

  @Override
  public String providerId() {
    return VercelGateway.PROVIDER_ID;
  }

  @Override
  public ModelCapabilities capabilities(String modelId) {
    return ModelCapabilities.toolsOnly();
  }

  @Override
  public void prepareRequest(ChatRequest request) {
    ObjectNode o = Json.node(request.call().providerOptions(), providerId()).orElse(null);
    if (o == null) return;
    ObjectNode body = request.body();
    ObjectNode reasoning = ChatOptionFields.reasoningObject(providerId(), o);
    if (reasoning != null) body.set("reasoning", reasoning);
    ObjectNode gateway = gatewayOptions(o);
    if (gateway != null) {
      body.putObject("providerOptions").set("gateway", gateway);
      if (gateway.has("models")) body.set("models", gateway.get("models"));
    }
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
    return Set.of("generationId");
  }

  @Override
  public void metadata(JsonNode extras, JsonNode usage, ObjectNode metadata) {
    JsonNode generation = extras.get("generationId");
    if (generation != null && generation.isTextual()) {
      metadata.put("generation_id", generation.asText());
    }
    if (usage.isObject()) {
      for (String field :
          new String[] {
            "cost", "market_cost", "cost_details", "is_byok", "cache_creation_input_tokens"
          }) {
        JsonNode value = usage.get(field);
        if (value != null && !value.isNull()) metadata.set(field, value);
      }
    }
  }

  /** The gateway's own options, from the typed ones; null when none is set. */
  private static ObjectNode gatewayOptions(ObjectNode options) {
    {
      ObjectNode gateway = Json.object();
      for (String field : new String[] {"order", "models", "zero_data_retention"}) {
        JsonNode value = options.get(field);
        if (value != null && !value.isNull()) {
          gateway.set(field.equals("zero_data_retention") ? "zeroDataRetention" : field, value);
        }
      }
      JsonNode byok = options.get("byok");
      if (byok != null && !byok.isNull()) gateway.set("byok", byok);
      return gateway.isEmpty() ? null : gateway;
    }
  }
}
