package dev.reverie.provider.vercel;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reverie.ProviderData;
import dev.reverie.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Vercel AI Gateway call options, passed as {@link #providerData()}. Every field is optional (null
 * = not sent).
 *
 * @param reasoning how much the model reasons, and whether the reasoning is returned
 * @param order upstream providers to try, in order (e.g. {@code ["bedrock", "anthropic"]})
 * @param models fallback models, tried in order when the first fails
 * @param zeroDataRetention only upstreams that retain no data
 * @param byok your own upstream credentials, per upstream (e.g. {@code {"anthropic": [{"apiKey":
 *     "..."}]}}); never logged
 * @param user an end-user id
 * @param parallelToolCalls whether the model may call several tools at once
 * @param logitBias token id to bias
 * @param logprobs whether to return log probabilities
 * @param topLogprobs how many top log probabilities to return
 * @param extraBody fields set at the top level of the request body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VercelGatewayOptions(
    Reasoning reasoning,
    List<String> order,
    List<String> models,
    Boolean zeroDataRetention,
    JsonObject byok,
    String user,
    Boolean parallelToolCalls,
    Map<String, Integer> logitBias,
    Boolean logprobs,
    Integer topLogprobs,
    JsonObject extraBody) {

  public VercelGatewayOptions {
    order = order == null ? null : List.copyOf(order);
    models = models == null ? null : List.copyOf(models);
    logitBias = logitBias == null ? null : Map.copyOf(logitBias);
  }

  @Override
  public String toString() {
    // BYOK holds upstream keys: never print them.
    return "VercelGatewayOptions[reasoning="
        + reasoning
        + ", order="
        + order
        + ", models="
        + models
        + ", byok="
        + (byok == null ? "unset" : "[redacted]")
        + "]";
  }

  /**
   * Reasoning settings.
   *
   * @param enabled true to reason at the model's default effort
   * @param effort {@code none, minimal, low, medium, high, xhigh}
   * @param maxTokens a reasoning token budget, for models that take one
   * @param exclude true to reason without returning the reasoning
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reasoning(Boolean enabled, String effort, Integer maxTokens, Boolean exclude) {
    /** Reasoning switched on at the model's default effort. */
    public static Reasoning switchedOn() {
      return new Reasoning(true, null, null, null);
    }
  }

  /** These options keyed {@value VercelGateway#PROVIDER_ID}. */
  public ProviderData providerData() {
    return ProviderData.of(VercelGateway.PROVIDER_ID, this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VercelGatewayOptions}. */
  public static final class Builder {
    private Reasoning reasoning;
    private List<String> order;
    private List<String> models;
    private Boolean zeroDataRetention;
    private JsonObject byok;
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

    public Builder order(List<String> value) {
      order = value;
      return this;
    }

    public Builder models(List<String> value) {
      models = value;
      return this;
    }

    public Builder zeroDataRetention(boolean value) {
      zeroDataRetention = value;
      return this;
    }

    public Builder byok(JsonObject value) {
      byok = value;
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

    public VercelGatewayOptions build() {
      return new VercelGatewayOptions(
          reasoning,
          order,
          models,
          zeroDataRetention,
          byok,
          user,
          parallelToolCalls,
          logitBias,
          logprobs,
          topLogprobs,
          extraBody);
    }
  }
}
