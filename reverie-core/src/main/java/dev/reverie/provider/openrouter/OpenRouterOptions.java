package dev.reverie.provider.openrouter;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reverie.ProviderData;
import dev.reverie.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * OpenRouter call options, passed as {@link #providerData()}. Every field is optional (null = not
 * sent); names follow OpenRouter's API.
 *
 * @param reasoning how much the model reasons, and whether the reasoning is returned
 * @param provider how requests are routed among upstream providers
 * @param models fallback models, tried in order when the first is unavailable
 * @param includeUsage whether usage accounting (cost) is asked for; default true
 * @param user an end-user id
 * @param parallelToolCalls whether the model may call several tools at once
 * @param logitBias token id to bias
 * @param logprobs whether to return log probabilities
 * @param topLogprobs how many top log probabilities to return
 * @param extraBody fields set at the top level of the request body, for features without a typed
 *     option
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenRouterOptions(
    Reasoning reasoning,
    ProviderRouting provider,
    List<String> models,
    Boolean includeUsage,
    String user,
    Boolean parallelToolCalls,
    Map<String, Integer> logitBias,
    Boolean logprobs,
    Integer topLogprobs,
    JsonObject extraBody) {

  public OpenRouterOptions {
    models = models == null ? null : List.copyOf(models);
    logitBias = logitBias == null ? null : Map.copyOf(logitBias);
  }

  /**
   * Reasoning settings (OpenRouter's unified {@code reasoning} object).
   *
   * @param effort {@code none, minimal, low, medium, high, xhigh}
   * @param maxTokens a reasoning token budget, for models that take one
   * @param enabled true to reason at the model's default effort
   * @param exclude true to reason without returning the reasoning
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reasoning(String effort, Integer maxTokens, Boolean enabled, Boolean exclude) {
    /** Reasoning at {@code effort}. */
    public static Reasoning effort(String effort) {
      return new Reasoning(effort, null, null, null);
    }
  }

  /**
   * Provider routing (OpenRouter's {@code provider} object).
   *
   * @param order providers to try, in order
   * @param allowFallbacks whether other providers may serve the request
   * @param requireParameters only providers that support every parameter of the request
   * @param dataCollection {@code allow} or {@code deny}
   * @param only providers allowed
   * @param ignore providers skipped
   * @param quantizations quantizations allowed, e.g. {@code fp8}
   * @param sort {@code price}, {@code throughput} or {@code latency}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProviderRouting(
      List<String> order,
      Boolean allowFallbacks,
      Boolean requireParameters,
      String dataCollection,
      List<String> only,
      List<String> ignore,
      List<String> quantizations,
      String sort) {}

  /**
   * These options keyed {@value OpenRouter#PROVIDER_ID}, ready for {@code Call.providerOptions}.
   */
  public ProviderData providerData() {
    return ProviderData.of(OpenRouter.PROVIDER_ID, this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OpenRouterOptions}. */
  public static final class Builder {
    private Reasoning reasoning;
    private ProviderRouting provider;
    private List<String> models;
    private Boolean includeUsage;
    private String user;
    private Boolean parallelToolCalls;
    private Map<String, Integer> logitBias;
    private Boolean logprobs;
    private Integer topLogprobs;
    private JsonObject extraBody;

    private Builder() {}

    public Builder reasoning(Reasoning value) {
      reasoning = value;
      return this;
    }

    /** Reasoning at {@code effort} ({@code none … xhigh}). */
    public Builder reasoningEffort(String effort) {
      return reasoning(Reasoning.effort(effort));
    }

    public Builder provider(ProviderRouting value) {
      provider = value;
      return this;
    }

    public Builder models(List<String> value) {
      models = value;
      return this;
    }

    public Builder includeUsage(boolean value) {
      includeUsage = value;
      return this;
    }

    public Builder user(String value) {
      user = value;
      return this;
    }

    public Builder parallelToolCalls(boolean value) {
      parallelToolCalls = value;
      return this;
    }

    public Builder logitBias(Map<String, Integer> value) {
      logitBias = value;
      return this;
    }

    public Builder logprobs(boolean value) {
      logprobs = value;
      return this;
    }

    public Builder topLogprobs(int value) {
      topLogprobs = value;
      return this;
    }

    public Builder extraBody(JsonObject value) {
      extraBody = value;
      return this;
    }

    public OpenRouterOptions build() {
      return new OpenRouterOptions(
          reasoning,
          provider,
          models,
          includeUsage,
          user,
          parallelToolCalls,
          logitBias,
          logprobs,
          topLogprobs,
          extraBody);
    }
  }
}
