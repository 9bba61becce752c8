package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reverie.ProviderData;
import dev.reverie.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic call options, passed as {@code ProviderData.of("anthropic", options)} or {@link
 * #providerData()}. Every field is optional (null = the provider's default).
 *
 * <pre>{@code
 * Call call = Call.builder(prompt)
 *     .providerOptions(AnthropicOptions.builder().thinkingBudget(4000).build().providerData())
 *     .build();
 * }</pre>
 *
 * @param sendReasoning whether earlier reasoning is sent back to the model (default true); false
 *     drops reasoning parts of assistant messages with a warning
 * @param thinking extended thinking with a token budget
 * @param disableParallelToolUse true to let the model call at most one tool per turn
 * @param betas extra {@code anthropic-beta} flags, e.g. {@code "context-1m-2025-08-07"}
 * @param extraBody fields set at the top level of the request body, for API features without a
 *     typed option
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnthropicOptions(
    Boolean sendReasoning,
    Thinking thinking,
    Boolean disableParallelToolUse,
    List<String> betas,
    JsonObject extraBody) {

  public AnthropicOptions {
    betas = betas == null ? null : List.copyOf(betas);
  }

  /**
   * Extended thinking: the model reasons before answering, using up to {@code budgetTokens} of its
   * output budget (at least 1024 for the API; the call's max tokens must be larger).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Thinking(Integer budgetTokens) {
    public Thinking {
      if (budgetTokens != null && budgetTokens <= 0) {
        throw new IllegalArgumentException("thinking budget must be positive: " + budgetTokens);
      }
    }
  }

  /** Options with extended thinking of {@code budgetTokens} and nothing else. */
  public static AnthropicOptions thinking(int budgetTokens) {
    return builder().thinkingBudget(budgetTokens).build();
  }

  /** These options keyed by the Anthropic provider id, ready for {@code Call.providerOptions}. */
  public ProviderData providerData() {
    return ProviderData.of(AnthropicFormat.OPTIONS_KEY, this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AnthropicOptions}. */
  public static final class Builder {
    private Boolean sendReasoning;
    private Thinking thinking;
    private Boolean disableParallelToolUse;
    private final List<String> betas = new ArrayList<>();
    private JsonObject extraBody;

    private Builder() {}

    public Builder sendReasoning(boolean value) {
      sendReasoning = value;
      return this;
    }

    /** Enables extended thinking with this token budget. */
    public Builder thinkingBudget(int budgetTokens) {
      thinking = new Thinking(budgetTokens);
      return this;
    }

    public Builder disableParallelToolUse(boolean value) {
      disableParallelToolUse = value;
      return this;
    }

    /** Adds an {@code anthropic-beta} flag. */
    public Builder beta(String flag) {
      betas.add(flag);
      return this;
    }

    public Builder extraBody(JsonObject value) {
      extraBody = value;
      return this;
    }

    public AnthropicOptions build() {
      return new AnthropicOptions(
          sendReasoning,
          thinking,
          disableParallelToolUse,
          betas.isEmpty() ? null : betas,
          extraBody);
    }
  }
}
