package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import dev.reverie.internal.json.Json;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's own chat-completions behaviour: the {@code openai} provider options (reasoning effort,
 * store, service tier, log probabilities…). Shared by the services that take OpenAI's options under
 * that key: OpenAI and Azure OpenAI. Stateless and thread-safe.
 */
public final class OpenAiChatDialect implements ChatDialect {
  /** The key of the options and metadata this dialect reads and writes. */
  public static final String PROVIDER_ID = "openai";

  private final String serviceId;

  /** OpenAI's own service. */
  public OpenAiChatDialect() {
    this(PROVIDER_ID);
  }

  /**
   * A service that takes OpenAI's options and answers with its metadata under the same key.
   *
   * @param serviceId the service's id, for errors and the model's provider id, e.g. {@code azure}
   */
  public OpenAiChatDialect(String serviceId) {
    this.serviceId = java.util.Objects.requireNonNull(serviceId, "serviceId");
  }

  @Override
  public String serviceId() {
    return serviceId;
  }

  // provider option name -> wire name; values are copied as given.
  private static final Map<String, String> PASS_THROUGH =
      Map.ofEntries(
          Map.entry("user", "user"),
          Map.entry("parallel_tool_calls", "parallel_tool_calls"),
          Map.entry("store", "store"),
          Map.entry("metadata", "metadata"),
          Map.entry("service_tier", "service_tier"),
          Map.entry("prompt_cache_key", "prompt_cache_key"),
          Map.entry("safety_identifier", "safety_identifier"),
          Map.entry("text_verbosity", "verbosity"),
          Map.entry("max_completion_tokens", "max_completion_tokens"));

  @Override
  public String providerId() {
    return PROVIDER_ID;
  }

  @Override
  public void prepareRequest(ChatRequest request) {
    ObjectNode body = request.body();
    String modelId = request.modelId();
    var options = Json.node(request.call().providerOptions(), PROVIDER_ID);
    if (options.isEmpty()) return;
    ObjectNode o = options.get();
    boolean reasoning = isReasoningModel(modelId);
    PASS_THROUGH.forEach(
        (option, wire) -> {
          JsonNode v = o.get(option);
          if (v != null && !v.isNull()) body.set(wire, v);
        });
    String effort =
        ChatOptionFields.reasoningEffort(PROVIDER_ID, o, ChatOptionFields.REASONING_EFFORTS);
    if (!effort.isEmpty()) body.put("reasoning_effort", effort);
    if (body.has("max_completion_tokens")) body.remove("max_tokens");
    for (String logOption : List.of("logit_bias", "logprobs", "top_logprobs")) {
      JsonNode v = o.get(logOption);
      if (v == null || v.isNull()) continue;
      if (reasoning) {
        request.warn(
            CallWarning.unsupportedSetting(
                logOption, logOption + " is not supported for reasoning models"));
      } else {
        body.set(logOption, v);
      }
    }
  }
}
