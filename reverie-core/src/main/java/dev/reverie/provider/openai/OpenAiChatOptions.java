package dev.reverie.provider.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * OpenAI chat-completions options, passed as {@code ProviderData.of("openai", options)}. Every
 * field is optional (null = not sent).
 *
 * @param reasoningEffort {@code none, minimal, low, medium, high, xhigh}
 * @param user an end-user id for abuse monitoring
 * @param parallelToolCalls whether the model may call several tools at once
 * @param store whether OpenAI stores the completion
 * @param metadata string metadata stored with the completion
 * @param serviceTier {@code auto, default, flex, priority}
 * @param promptCacheKey a key to improve prompt-cache hits
 * @param safetyIdentifier a stable end-user id for safety
 * @param logitBias token id to bias
 * @param logprobs whether to return log probabilities
 * @param topLogprobs how many top log probabilities to return
 * @param maxCompletionTokens overrides the call's output limit
 * @param textVerbosity {@code low, medium, high}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAiChatOptions(
    String reasoningEffort,
    String user,
    Boolean parallelToolCalls,
    Boolean store,
    Map<String, String> metadata,
    String serviceTier,
    String promptCacheKey,
    String safetyIdentifier,
    Map<String, Integer> logitBias,
    Boolean logprobs,
    Integer topLogprobs,
    Integer maxCompletionTokens,
    String textVerbosity) {

  /** Options with only a reasoning effort. */
  public static OpenAiChatOptions reasoningEffort(String effort) {
    return new OpenAiChatOptions(
        effort, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
