package dev.reverie.provider.openrouter;

import dev.reverie.LanguageModel;
import dev.reverie.codec.chat.ChatCompletionsModel;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Objects;

/**
 * OpenRouter: hundreds of models of every family behind one chat-completions API.
 *
 * <pre>{@code
 * LanguageModel claude = OpenRouter.builder().build().languageModel("anthropic/claude-sonnet-4");
 * }</pre>
 *
 * <p>Reasoning comes back as {@code reasoning_details} of the upstream's format (Anthropic
 * signatures, OpenAI encrypted reasoning, Gemini thought signatures), kept on the reasoning parts
 * and replayed on the next turn. Usage accounting is always asked for, so the cost of each call is
 * in the provider metadata ({@code cost}, {@code cost_details}) next to the upstream {@code
 * provider}. Anthropic cache markers pass through. Options: {@link OpenRouterOptions}. The key is
 * sent as a bearer token. Immutable and thread-safe.
 */
public final class OpenRouter implements Provider {
  /** The provider id, and key of the options and metadata. */
  public static final String PROVIDER_ID = "openrouter";

  /** The API's base URL; requests go to {@code <base>/chat/completions}. */
  public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private OpenRouter(String baseUrl, HttpHeaders headers, Transport transport) {
    this.baseUrl = baseUrl;
    this.headers = headers;
    this.transport = transport;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return PROVIDER_ID;
  }

  /** A model by its OpenRouter id, e.g. {@code anthropic/claude-haiku-4.5}. */
  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return LanguageModel.of(
        new ChatCompletionsModel(
            modelId,
            URI.create(baseUrl + "/chat/completions"),
            headers,
            transport,
            new OpenRouterDialect()));
  }

  @Override
  public String toString() {
    return "OpenRouter[" + dev.reverie.transport.RedactedUri.render(baseUrl) + "]";
  }

  /**
   * Configures {@link OpenRouter}: the key defaults to {@code OPENROUTER_API_KEY}; {@link #appUrl}
   * and {@link #appTitle} set the {@code HTTP-Referer} and {@code X-Title} headers OpenRouter shows
   * in its rankings.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private Builder() {
      super(System.getenv("OPENROUTER_API_KEY"), DEFAULT_BASE_URL);
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** Your app's URL, sent as {@code HTTP-Referer}. */
    public Builder appUrl(String value) {
      return header("HTTP-Referer", value);
    }

    /** Your app's name, sent as {@code X-Title}. */
    public Builder appTitle(String value) {
      return header("X-Title", value);
    }

    public OpenRouter build() {
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      if (!apiKey().isEmpty()) h = h.with("Authorization", "Bearer " + apiKey());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      return new OpenRouter(baseUrl(), h, transportWithRetries());
    }
  }
}
