package dev.reverie.provider.openaicompat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reverie.ProviderData;
import dev.reverie.json.JsonObject;

/**
 * Options for an OpenAI-compatible server, passed as {@link #providerData()} (keyed {@value
 * OpenAiCompatible#PROVIDER_ID}) or {@link #providerData(String)} for a server given another name.
 * Every field is optional (null = not sent).
 *
 * @param reasoningEffort {@code none, minimal, low, medium, high, xhigh}, sent as {@code
 *     reasoning_effort}
 * @param user an end-user id
 * @param parallelToolCalls whether the model may call several tools at once
 * @param extraBody fields set at the top level of the request body, over the standard ones, for
 *     server features without a typed option (e.g. {@code {"chat_template_kwargs": {...}}})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAiCompatibleOptions(
    String reasoningEffort, String user, Boolean parallelToolCalls, JsonObject extraBody) {

  public OpenAiCompatibleOptions {}

  /** Options with only a reasoning effort. */
  public static OpenAiCompatibleOptions reasoningEffort(String effort) {
    return builder().reasoningEffort(effort).build();
  }

  /** These options under {@value OpenAiCompatible#PROVIDER_ID}. */
  public ProviderData providerData() {
    return providerData(OpenAiCompatible.PROVIDER_ID);
  }

  /** These options under the name the server was given ({@link OpenAiCompatible.Builder#name}). */
  public ProviderData providerData(String providerName) {
    return ProviderData.of(providerName, this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OpenAiCompatibleOptions}. */
  public static final class Builder {
    private String reasoningEffort;
    private String user;
    private Boolean parallelToolCalls;
    private JsonObject extraBody;

    private Builder() {}

    public Builder reasoningEffort(String value) {
      reasoningEffort = value;
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

    public Builder extraBody(JsonObject value) {
      extraBody = value;
      return this;
    }

    public OpenAiCompatibleOptions build() {
      return new OpenAiCompatibleOptions(reasoningEffort, user, parallelToolCalls, extraBody);
    }
  }
}
