package dev.reverie;

import dev.reverie.tool.ToolChoice;
import dev.reverie.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a model: the prompt and every setting that shapes the answer.
 *
 * <p>Numeric settings are {@code null} when not set, so the provider's default applies. Build with
 * {@link #builder(Prompt)}; derive variants with {@link #toBuilder()}.
 *
 * @param prompt the conversation
 * @param maxOutputTokens the output-token limit, or null
 * @param temperature sampling temperature, or null
 * @param topP nucleus sampling, or null
 * @param topK top-k sampling, or null
 * @param presencePenalty presence penalty, or null
 * @param frequencyPenalty frequency penalty, or null
 * @param seed a sampling seed, or null
 * @param stopSequences sequences that end the output
 * @param tools tools the model may call
 * @param toolChoice whether and which tool must be called, or null for the provider default
 * @param responseFormat native JSON output with a schema, or null for free text
 * @param headers extra HTTP headers for this call
 * @param providerOptions provider-specific options keyed by provider id
 */
public record Call(
    Prompt prompt,
    Integer maxOutputTokens,
    Double temperature,
    Double topP,
    Integer topK,
    Double presencePenalty,
    Double frequencyPenalty,
    Long seed,
    List<String> stopSequences,
    List<ToolSpec> tools,
    ToolChoice toolChoice,
    ResponseFormat responseFormat,
    Map<String, String> headers,
    ProviderData providerOptions) {

  public Call {
    Objects.requireNonNull(prompt, "prompt");
    stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    tools = tools == null ? List.of() : List.copyOf(tools);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    providerOptions = providerOptions == null ? ProviderData.EMPTY : providerOptions;
  }

  /** A call with only a prompt. */
  public static Call of(Prompt prompt) {
    return builder(prompt).build();
  }

  public static Builder builder(Prompt prompt) {
    return new Builder(prompt);
  }

  public Builder toBuilder() {
    var b = new Builder(prompt);
    b.maxOutputTokens = maxOutputTokens;
    b.temperature = temperature;
    b.topP = topP;
    b.topK = topK;
    b.presencePenalty = presencePenalty;
    b.frequencyPenalty = frequencyPenalty;
    b.seed = seed;
    b.stopSequences = stopSequences;
    b.tools = tools;
    b.toolChoice = toolChoice;
    b.responseFormat = responseFormat;
    b.headers = new LinkedHashMap<>(headers);
    b.providerOptions = providerOptions;
    return b;
  }

  /** Builds a {@link Call}. */
  public static final class Builder {
    private Prompt prompt;
    private Integer maxOutputTokens;
    private Double temperature;
    private Double topP;
    private Integer topK;
    private Double presencePenalty;
    private Double frequencyPenalty;
    private Long seed;
    private List<String> stopSequences = List.of();
    private List<ToolSpec> tools = List.of();
    private ToolChoice toolChoice;
    private ResponseFormat responseFormat;
    private Map<String, String> headers = new LinkedHashMap<>();
    private ProviderData providerOptions = ProviderData.EMPTY;

    private Builder(Prompt prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    public Builder prompt(Prompt value) {
      prompt = Objects.requireNonNull(value, "prompt");
      return this;
    }

    public Builder maxOutputTokens(Integer value) {
      maxOutputTokens = value;
      return this;
    }

    public Builder temperature(Double value) {
      temperature = value;
      return this;
    }

    public Builder topP(Double value) {
      topP = value;
      return this;
    }

    public Builder topK(Integer value) {
      topK = value;
      return this;
    }

    public Builder presencePenalty(Double value) {
      presencePenalty = value;
      return this;
    }

    public Builder frequencyPenalty(Double value) {
      frequencyPenalty = value;
      return this;
    }

    public Builder seed(Long value) {
      seed = value;
      return this;
    }

    public Builder stopSequences(List<String> value) {
      stopSequences = value;
      return this;
    }

    public Builder tools(List<? extends ToolSpec> value) {
      tools = List.copyOf(value);
      return this;
    }

    public Builder toolChoice(ToolChoice value) {
      toolChoice = value;
      return this;
    }

    public Builder responseFormat(ResponseFormat value) {
      responseFormat = value;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder headers(Map<String, String> value) {
      headers = new LinkedHashMap<>(value);
      return this;
    }

    public Builder providerOptions(ProviderData value) {
      providerOptions = value == null ? ProviderData.EMPTY : value;
      return this;
    }

    public Call build() {
      return new Call(
          prompt,
          maxOutputTokens,
          temperature,
          topP,
          topK,
          presencePenalty,
          frequencyPenalty,
          seed,
          stopSequences,
          tools,
          toolChoice,
          responseFormat,
          headers,
          providerOptions);
    }
  }
}
