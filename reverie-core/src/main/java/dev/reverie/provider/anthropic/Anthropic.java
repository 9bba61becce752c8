package dev.reverie.provider.anthropic;

import dev.reverie.LanguageModel;
import dev.reverie.RetryPolicy;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.JdkHttpTransport;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Provider options and metadata use the key {@value #PROVIDER_ID}; see {@link AnthropicOptions},
 * {@link AnthropicCaching} and {@link AnthropicTools}. Immutable and thread-safe.
 */
public final class Anthropic {
  /** The provider id: the key of Anthropic's provider options and metadata. */
  public static final String PROVIDER_ID = "anthropic";

  /** The public API's base URL; requests go to {@code <base>/v1/messages}. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

  /** The API version this provider speaks. */
  public static final String API_VERSION = "2023-06-01";

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private Anthropic(Builder b) {
    this.baseUrl =
        b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
    HttpHeaders h =
        HttpHeaders.EMPTY.with("User-Agent", b.userAgent).with("anthropic-version", API_VERSION);
    if (b.apiKey != null && !b.apiKey.isEmpty()) h = h.with("x-api-key", b.apiKey);
    for (var e : b.headers.entrySet()) h = h.with(e.getKey(), e.getValue());
    this.headers = h;
    Transport base = b.transport != null ? b.transport : JdkHttpTransport.create();
    this.transport = b.retryPolicy.maxRetries() > 0 ? base.with(b.retryPolicy.interceptor()) : base;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A Messages API model, e.g. {@code claude-sonnet-4-20250514}. */
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

  /** Configures {@link Anthropic}. */
  public static final class Builder {
    private String apiKey = System.getenv("ANTHROPIC_API_KEY");
    private String baseUrl = DEFAULT_BASE_URL;
    private String userAgent = "Reverie/0.1 (Java)";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Transport transport;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    /** The API key; defaults to the {@code ANTHROPIC_API_KEY} environment variable. */
    public Builder apiKey(String value) {
      apiKey = value;
      return this;
    }

    /**
     * The base URL, for Anthropic-compatible servers; requests go to {@code <base>/v1/messages}.
     */
    public Builder baseUrl(String value) {
      baseUrl = Objects.requireNonNull(value, "baseUrl");
      return this;
    }

    public Builder userAgent(String value) {
      userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /** A header sent with every request (e.g. {@code anthropic-beta}); replaces a default. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Headers sent with every request. */
    public Builder headers(Map<String, String> values) {
      values.forEach(this::header);
      return this;
    }

    /**
     * How failed exchanges (408, 409, 429, 5xx, connection failures before a response) are retried;
     * {@link RetryPolicy#defaults()} unless set, {@link RetryPolicy#none()} turns retrying off.
     */
    public Builder retryPolicy(RetryPolicy value) {
      retryPolicy = java.util.Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /** The transport; defaults to the JDK HTTP client. Retries wrap whichever transport is used. */
    public Builder transport(Transport value) {
      transport = value;
      return this;
    }

    public Anthropic build() {
      return new Anthropic(this);
    }

    @Override
    public String toString() {
      return "Anthropic.Builder["
          + baseUrl
          + ", apiKey="
          + (apiKey == null || apiKey.isEmpty() ? "unset" : "[redacted]")
          + "]";
    }
  }
}
