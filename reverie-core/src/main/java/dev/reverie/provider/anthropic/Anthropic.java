package dev.reverie.provider.anthropic;

import dev.reverie.LanguageModel;
import dev.reverie.codec.anthropic.AnthropicFormat;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Objects;

/**
 * The Anthropic provider: hands out Messages API models.
 *
 * <pre>{@code
 * var anthropic = Anthropic.builder().apiKey(System.getenv("ANTHROPIC_API_KEY")).build();
 * LanguageModel model = anthropic.languageModel("claude-sonnet-4-20250514");
 * }</pre>
 *
 * The API key is sent as {@code x-api-key} and never appears in {@code toString()} or errors.
 * Provider options and metadata use the key {@value #PROVIDER_ID}; see {@link
 * dev.reverie.codec.anthropic.AnthropicOptions}, {@link
 * dev.reverie.codec.anthropic.AnthropicCaching} and {@link
 * dev.reverie.codec.anthropic.AnthropicTools}. Immutable and thread-safe.
 */
public final class Anthropic implements Provider {
  /** The provider id: the key of Anthropic's provider options and metadata. */
  public static final String PROVIDER_ID = AnthropicFormat.OPTIONS_KEY;

  /** The public API's base URL; requests go to {@code <base>/v1/messages}. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

  /** The API version this provider speaks. */
  public static final String API_VERSION = "2023-06-01";

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private Anthropic(String baseUrl, HttpHeaders headers, Transport transport) {
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

  /** A Messages API model, e.g. {@code claude-sonnet-4-20250514}. */
  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return LanguageModel.of(
        new AnthropicMessagesModel(
            modelId, URI.create(baseUrl + "/v1/messages"), headers, transport));
  }

  @Override
  public String toString() {
    return "Anthropic[" + baseUrl + "]";
  }

  /**
   * Configures {@link Anthropic}: the API key defaults to {@code ANTHROPIC_API_KEY}; the base URL,
   * for Anthropic-compatible servers, gets {@code /v1/messages} appended; a header set here (e.g.
   * {@code anthropic-beta}) replaces a default.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private Builder() {
      super(System.getenv("ANTHROPIC_API_KEY"), DEFAULT_BASE_URL);
    }

    @Override
    protected Builder self() {
      return this;
    }

    public Anthropic build() {
      HttpHeaders h =
          HttpHeaders.EMPTY.with("User-Agent", userAgent()).with("anthropic-version", API_VERSION);
      if (!apiKey().isEmpty()) h = h.with("x-api-key", apiKey());
      // After the defaults, so that a header set here (anthropic-beta, anthropic-version) wins.
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      return new Anthropic(baseUrl(), h, transportWithRetries());
    }
  }
}
