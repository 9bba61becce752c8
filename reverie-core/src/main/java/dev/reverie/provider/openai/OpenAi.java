package dev.reverie.provider.openai;

import dev.reverie.LanguageModel;
import dev.reverie.codec.chat.ChatCompletionsModel;
import dev.reverie.codec.chat.OpenAiChatDialect;
import dev.reverie.codec.responses.ResponsesModel;
import dev.reverie.codec.responses.ResponsesProvider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;

/**
 * The OpenAI provider: hands out models on the chat-completions API ({@link #languageModel}) or on
 * the Responses API ({@link #responses}), chosen per model.
 *
 * <pre>{@code
 * var openai = OpenAi.builder().apiKey(System.getenv("OPENAI_API_KEY")).build();
 * LanguageModel chat = openai.languageModel("gpt-4o");
 * LanguageModel reasoning = openai.responses("o4-mini");   // summaries, encrypted reasoning, web search
 * }</pre>
 *
 * The API key is sent as a bearer token and never appears in {@code toString()} or errors.
 */
public final class OpenAi implements ResponsesProvider {
  /** The provider id, and the key of OpenAI's provider options and metadata. */
  public static final String PROVIDER_ID = "openai";

  /** The public API's base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private OpenAi(String baseUrl, HttpHeaders headers, Transport transport) {
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

  /** A chat-completions model, e.g. {@code gpt-4o} or {@code o4-mini}. */
  @Override
  public LanguageModel languageModel(String modelId) {
    return LanguageModel.of(
        new ChatCompletionsModel(
            modelId,
            URI.create(baseUrl + "/chat/completions"),
            headers,
            transport,
            new OpenAiChatDialect()));
  }

  /**
   * A model on the Responses API, e.g. {@code o4-mini} or {@code gpt-4.1}: reasoning summaries and
   * encrypted reasoning, web search ({@code ResponsesTools.webSearch()}), options in {@code
   * ResponsesOptions}.
   */
  @Override
  public LanguageModel responses(String modelId) {
    return LanguageModel.of(
        new ResponsesModel(
            PROVIDER_ID, modelId, URI.create(baseUrl + "/responses"), headers, transport));
  }

  @Override
  public String toString() {
    return "OpenAi[" + baseUrl + "]";
  }

  /** Configures {@link OpenAi}; the API key defaults to {@code OPENAI_API_KEY}. */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String organization;
    private String project;

    private Builder() {
      super(System.getenv("OPENAI_API_KEY"), DEFAULT_BASE_URL);
    }

    @Override
    protected Builder self() {
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

    public OpenAi build() {
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      if (!apiKey().isEmpty()) h = h.with("Authorization", "Bearer " + apiKey());
      if (organization != null) h = h.with("OpenAI-Organization", organization);
      if (project != null) h = h.with("OpenAI-Project", project);
      return new OpenAi(baseUrl(), h, transportWithRetries());
    }
  }
}
