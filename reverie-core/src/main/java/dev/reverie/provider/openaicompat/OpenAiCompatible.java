package dev.reverie.provider.openaicompat;

import dev.reverie.LanguageModel;
import dev.reverie.codec.chat.ChatCompletionsModel;
import dev.reverie.error.ReverieException;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Objects;

/**
 * Any server that speaks OpenAI's {@code /chat/completions}: xAI, Groq, z.ai, DeepSeek, Together,
 * llama.cpp, vLLM, LM Studio, Ollama's compatible endpoint…
 *
 * <pre>{@code
 * var grok = OpenAiCompatible.builder().baseUrl("https://api.x.ai/v1")
 *     .apiKey(System.getenv("XAI_API_KEY")).build();
 * LanguageModel model = grok.languageModel("grok-4-fast");
 * }</pre>
 *
 * <p>The key is optional (local servers need none) and sent as a bearer token. Reasoning arrives in
 * {@code reasoning_content} or {@code reasoning} and is sent back as {@code reasoning_content} on
 * later turns. Objects go through a forced tool call, which every such server supports; {@link
 * Builder#nativeJsonSchema(boolean)} switches to {@code response_format: json_schema} for servers
 * that enforce it. Options: {@link OpenAiCompatibleOptions}, under the provider's name ({@value
 * #PROVIDER_ID} unless {@link Builder#name} says otherwise). Immutable and thread-safe.
 */
public final class OpenAiCompatible implements Provider {
  /** The default provider id, and key of the options and metadata. */
  public static final String PROVIDER_ID = "openai-compat";

  private final String name;
  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;
  private final boolean nativeJsonSchema;

  private OpenAiCompatible(
      String name,
      String baseUrl,
      HttpHeaders headers,
      Transport transport,
      boolean nativeJsonSchema) {
    this.name = name;
    this.baseUrl = baseUrl;
    this.headers = headers;
    this.transport = transport;
    this.nativeJsonSchema = nativeJsonSchema;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return name;
  }

  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    return LanguageModel.of(
        new ChatCompletionsModel(
            modelId,
            URI.create(baseUrl + "/chat/completions"),
            headers,
            transport,
            new OpenAiCompatibleDialect(name, nativeJsonSchema)));
  }

  @Override
  public String toString() {
    return "OpenAiCompatible["
        + name
        + " at "
        + dev.reverie.transport.RedactedUri.render(baseUrl)
        + "]";
  }

  /**
   * Configures {@link OpenAiCompatible}: a base URL is required (e.g. {@code
   * http://localhost:8080/v1}, to which {@code /chat/completions} is appended); the API key is
   * optional and never read from the environment by this builder.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String name = PROVIDER_ID;
    private boolean nativeJsonSchema;
    private boolean baseUrlSet;

    private Builder() {
      // No key from the environment here: a key meant for one server must not go to another.
      // Opened by name (Providers), OPENAI_COMPATIBLE_API_KEY is read, as documented there.
      super(null, "http://localhost");
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public Builder baseUrl(String value) {
      baseUrlSet = true;
      return super.baseUrl(value);
    }

    /**
     * The provider id this server goes by, e.g. {@code xai}: the key its options and metadata use
     * and the name errors show. Default {@value OpenAiCompatible#PROVIDER_ID}.
     */
    public Builder name(String value) {
      if (value == null || value.isBlank()) throw new IllegalArgumentException("name is blank");
      name = value;
      return this;
    }

    /**
     * Whether the server enforces {@code response_format: json_schema} (llama.cpp, vLLM and
     * OpenAI-hosted models do); objects then use it instead of a forced tool call.
     */
    public Builder nativeJsonSchema(boolean value) {
      nativeJsonSchema = value;
      return this;
    }

    /**
     * @throws ReverieException when no base URL was set
     */
    public OpenAiCompatible build() {
      if (!baseUrlSet) {
        throw new ReverieException(
            "an OpenAI-compatible server needs a base URL, e.g. http://localhost:8080/v1");
      }
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      if (!apiKey().isEmpty()) h = h.with("Authorization", "Bearer " + apiKey());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      return new OpenAiCompatible(name, baseUrl(), h, transportWithRetries(), nativeJsonSchema);
    }
  }
}
