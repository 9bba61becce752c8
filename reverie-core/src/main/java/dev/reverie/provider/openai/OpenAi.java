package dev.reverie.provider.openai;

import dev.reverie.LanguageModel;
import dev.reverie.RetryPolicy;
import dev.reverie.internal.chat.ChatCompletionsModel;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.JdkHttpTransport;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenAI provider: hands out chat-completions models.
 *
 * <pre>{@code
 * var openai = OpenAi.builder().apiKey(System.getenv("OPENAI_API_KEY")).build();
 * LanguageModel model = openai.languageModel("o4-mini");
 * }</pre>
 *
 * The API key is sent as a bearer token and never appears in {@code toString()} or errors.
 */
public final class OpenAi {
  /** The public API's base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private OpenAi(Builder b) {
    this.baseUrl =
        b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
    HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", b.userAgent);
    for (var e : b.headers.entrySet()) h = h.with(e.getKey(), e.getValue());
    if (b.apiKey != null && !b.apiKey.isEmpty()) h = h.with("Authorization", "Bearer " + b.apiKey);
    if (b.organization != null) h = h.with("OpenAI-Organization", b.organization);
    if (b.project != null) h = h.with("OpenAI-Project", b.project);
    this.headers = h;
    Transport base = b.transport != null ? b.transport : JdkHttpTransport.create();
    this.transport = b.retryPolicy.maxRetries() > 0 ? base.with(b.retryPolicy.interceptor()) : base;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A chat-completions model, e.g. {@code gpt-4o} or {@code o4-mini}. */
  public LanguageModel languageModel(String modelId) {
    return LanguageModel.of(
        new ChatCompletionsModel(
            modelId,
            URI.create(baseUrl + "/chat/completions"),
            headers,
            transport,
            new OpenAiChatDialect(),
            ModelCapabilities.nativeJson()));
  }

  @Override
  public String toString() {
    return "OpenAi[" + baseUrl + "]";
  }

  /** Configures {@link OpenAi}. */
  public static final class Builder {
    private String apiKey = System.getenv("OPENAI_API_KEY");
    private String baseUrl = DEFAULT_BASE_URL;
    private String organization;
    private String project;
    private String userAgent = "Reverie/0.1 (Java)";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Transport transport;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    /** The API key; defaults to {@code OPENAI_API_KEY}. */
    public Builder apiKey(String value) {
      apiKey = value;
      return this;
    }

    public Builder baseUrl(String value) {
      baseUrl = Objects.requireNonNull(value, "baseUrl");
      return this;
    }

    public Builder organization(String value) {
      organization = value;
      return this;
    }

    public Builder project(String value) {
      project = value;
      return this;
    }

    public Builder userAgent(String value) {
      userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /** A header sent with every request. */
    public Builder header(String name, String value) {
      headers.put(name, value);
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

    public OpenAi build() {
      return new OpenAi(this);
    }

    @Override
    public String toString() {
      return "OpenAi.Builder["
          + baseUrl
          + ", apiKey="
          + (apiKey == null ? "unset" : "[redacted]")
          + "]";
    }
  }
}
