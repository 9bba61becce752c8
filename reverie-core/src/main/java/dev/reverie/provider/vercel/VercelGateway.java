package dev.reverie.provider.vercel;

import dev.reverie.LanguageModel;
import dev.reverie.codec.chat.ChatCompletionsModel;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Objects;

/**
 * VercelGateway: hundreds of models of every family behind one chat-completions API.
 *
 * <pre>{@code
 * LanguageModel claude = VercelGateway.builder().build().languageModel("anthropic/claude-sonnet-4");
 * }</pre>
 *
 * <p>Reasoning comes back as {@code reasoning_details} of the upstream's format (Anthropic
 * signatures, OpenAI encrypted reasoning, Gemini thought signatures), kept on the reasoning parts
 * and replayed on the next turn. The cost of each call ({@code cost}, {@code market_cost}) and the
 * {@code generation_id} are in the provider metadata. Anthropic cache markers pass through.
 * Options: {@link VercelGatewayOptions}. The key is sent as a bearer token. Immutable and
 * thread-safe.
 */
public final class VercelGateway implements Provider {
  /** The provider id, and key of the options and metadata. */
  public static final String PROVIDER_ID = "vercel";

  /** The API's base URL; requests go to {@code <base>/chat/completions}. */
  public static final String DEFAULT_BASE_URL = "https://ai-gateway.vercel.sh/v1";

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private VercelGateway(String baseUrl, HttpHeaders headers, Transport transport) {
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

  /** A model by its gateway id, e.g. {@code anthropic/claude-sonnet-4}. */
  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return LanguageModel.of(
        new ChatCompletionsModel(
            modelId,
            URI.create(baseUrl + "/chat/completions"),
            headers,
            transport,
            new VercelGatewayDialect()));
  }

  @Override
  public String toString() {
    return "VercelGateway[" + dev.reverie.transport.RedactedUri.render(baseUrl) + "]";
  }

  /** Configures {@link VercelGateway}: the key defaults to {@code AI_GATEWAY_API_KEY}. */
  public static final class Builder extends ProviderBuilder<Builder> {
    private Builder() {
      super(System.getenv("AI_GATEWAY_API_KEY"), DEFAULT_BASE_URL);
    }

    @Override
    protected Builder self() {
      return this;
    }

    public VercelGateway build() {
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      if (!apiKey().isEmpty()) h = h.with("Authorization", "Bearer " + apiKey());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      return new VercelGateway(baseUrl(), h, transportWithRetries());
    }
  }
}
