package dev.reverie.provider.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reverie.ProviderData;
import java.util.Map;

/**
 * OpenAI chat-completions options, passed as {@link #providerData()} (built with {@link
 * #builder()}). Every field is optional (null = not sent).
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
    return builder().reasoningEffort(effort).build();
  }

  /** These options keyed {@value OpenAi#PROVIDER_ID}, ready for {@code Call.providerOptions}. */
  public ProviderData providerData() {
    return ProviderData.of(OpenAi.PROVIDER_ID, this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OpenAiChatOptions}. */
  public static final class Builder {
    private String reasoningEffort;
    private String user;
    private Boolean parallelToolCalls;
    private Boolean store;
    private Map<String, String> metadata;
    private String serviceTier;
    private String promptCacheKey;
    private String safetyIdentifier;
    private Map<String, Integer> logitBias;
    private Boolean logprobs;
    private Integer topLogprobs;
    private Integer maxCompletionTokens;
    private String textVerbosity;

    private Builder() {}

    public Builder reasoningEffort(String value) {
      reasoningEffort = value;
      return this;
    }

    public Builder user(String value) {
      user = value;
      return this;
    }

    public Builder parallelToolCalls(Boolean value) {
      parallelToolCalls = value;
      return this;
    }

    public Builder store(Boolean value) {
      store = value;
      return this;
    }

    public Builder metadata(Map<String, String> value) {
      metadata = value;
      return this;
    }

    public Builder serviceTier(String value) {
      serviceTier = value;
      return this;
    }

    public Builder promptCacheKey(String value) {
      promptCacheKey = value;
      return this;
    }

    public Builder safetyIdentifier(String value) {
      safetyIdentifier = value;
      return this;
    }

    public Builder logitBias(Map<String, Integer> value) {
      logitBias = value;
      return this;
    }

    public Builder logprobs(Boolean value) {
      logprobs = value;
      return this;
    }

    public Builder topLogprobs(Integer value) {
      topLogprobs = value;
      return this;
    }

    public Builder maxCompletionTokens(Integer value) {
      maxCompletionTokens = value;
      return this;
    }

    public Builder textVerbosity(String value) {
      textVerbosity = value;
      return this;
    }

    public OpenAiChatOptions build() {
      return new OpenAiChatOptions(
          reasoningEffort,
          user,
          parallelToolCalls,
          store,
          metadata,
          serviceTier,
          promptCacheKey,
          safetyIdentifier,
          logitBias,
          logprobs,
          topLogprobs,
          maxCompletionTokens,
          textVerbosity);
    }
  }
}
