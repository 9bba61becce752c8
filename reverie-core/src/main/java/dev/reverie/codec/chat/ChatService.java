package dev.reverie.codec.chat;

import dev.reverie.LanguageModel;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.RedactedUri;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A chat-completions service that is nothing but a {@link ChatDialect} at a base URL with a bearer
 * key: the provider a {@link ChatServiceFactory} hands out, so that adding such a service takes a
 * dialect and a factory, no provider class of its own. Immutable and thread-safe.
 */
public final class ChatService implements Provider {
  private final String id;
  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;
  private final Supplier<? extends ChatDialect> dialect;

  private ChatService(
      String id,
      String baseUrl,
      HttpHeaders headers,
      Transport transport,
      Supplier<? extends ChatDialect> dialect) {
    this.id = id;
    this.baseUrl = baseUrl;
    this.headers = headers;
    this.transport = transport;
    this.dialect = dialect;
  }

  /**
   * A builder for service {@code id} speaking {@code dialect}, by default at {@code baseUrl}.
   *
   * @param dialect makes the dialect of each model (dialects are stateless; one may be shared)
   */
  public static Builder builder(
      String id, String baseUrl, Supplier<? extends ChatDialect> dialect) {
    return new Builder(id, baseUrl, dialect);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return LanguageModel.of(
        new ChatCompletionsModel(
            modelId, URI.create(baseUrl + "/chat/completions"), headers, transport, dialect.get()));
  }

  @Override
  public String toString() {
    return "ChatService[" + id + " at " + RedactedUri.render(baseUrl) + "]";
  }

  /**
   * Configures a {@link ChatService}: key (sent as a bearer token), base URL, headers, transport.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private final String id;
    private final Supplier<? extends ChatDialect> dialect;

    private Builder(String id, String baseUrl, Supplier<? extends ChatDialect> dialect) {
      super(null, baseUrl);
      this.id = Objects.requireNonNull(id, "id");
      this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    @Override
    protected Builder self() {
      return this;
    }

    public ChatService build() {
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      if (!apiKey().isBlank()) h = h.with("Authorization", "Bearer " + apiKey());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      return new ChatService(id, baseUrl(), h, transportWithRetries(), dialect);
    }
  }
}
