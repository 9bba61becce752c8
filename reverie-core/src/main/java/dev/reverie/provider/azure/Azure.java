package dev.reverie.provider.azure;

import dev.reverie.LanguageModel;
import dev.reverie.codec.chat.ChatCompletionsModel;
import dev.reverie.codec.chat.OpenAiChatDialect;
import dev.reverie.codec.responses.ResponsesModel;
import dev.reverie.codec.responses.ResponsesProvider;
import dev.reverie.error.ReverieException;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Azure OpenAI provider: OpenAI models deployed on an Azure resource, on the v1 API ({@code
 * https://<resource>.openai.azure.com/openai/v1}), over chat completions ({@link #languageModel})
 * or the Responses API ({@link #responses}).
 *
 * <pre>{@code
 * var azure = Azure.builder().resourceName("my-resource").build();   // key from AZURE_OPENAI_API_KEY
 * LanguageModel model = azure.responses("gpt-5-mini");               // the deployment name
 * }</pre>
 *
 * Options and metadata are OpenAI's, keyed {@code openai} ({@code OpenAiChatOptions} for chat,
 * {@code ResponsesOptions} for Responses). The key is sent in the {@code api-key} header and never
 * appears in {@code toString()} or errors.
 */
public final class Azure implements ResponsesProvider {
  /** The provider id. Options and metadata use OpenAI's key, {@code openai}. */
  public static final String PROVIDER_ID = "azure";

  /** The environment variable the API key is read from. */
  public static final String API_KEY_VARIABLE = "AZURE_OPENAI_API_KEY";

  // <resource>.openai.azure.com, <resource>.cognitiveservices.azure.com,
  // <resource>.services.ai.azure.com
  private static final Pattern AZURE_HOST =
      Pattern.compile(
          "([a-z0-9][a-z0-9-]*)\\.(openai|cognitiveservices|services\\.ai)\\.azure\\.com");
  private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private Azure(String baseUrl, HttpHeaders headers, Transport transport) {
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

  /** The base URL requests go to, e.g. {@code https://my-resource.openai.azure.com/openai/v1}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** A deployment on chat completions, e.g. {@code gpt-5-mini}. */
  @Override
  public LanguageModel languageModel(String deployment) {
    return LanguageModel.of(
        new ChatCompletionsModel(
            deployment,
            URI.create(baseUrl + "/chat/completions"),
            headers,
            transport,
            new OpenAiChatDialect(PROVIDER_ID)));
  }

  /** A deployment on the Responses API, e.g. {@code gpt-5-mini}. */
  @Override
  public LanguageModel responses(String deployment) {
    return LanguageModel.of(
        new ResponsesModel(
            PROVIDER_ID, deployment, URI.create(baseUrl + "/responses"), headers, transport));
  }

  /**
   * The v1 base URL for {@code resourceOrUrl}: a resource name ({@code my-resource}) or a URL of
   * the resource ({@code my-resource.openai.azure.com}, {@code
   * https://my-resource.cognitiveservices.azure.com/}, with or without a path) becomes {@code
   * https://<resource>.openai.azure.com/openai/v1}; any other URL (a proxy, a gateway) is kept as
   * given, with {@code https://} added when it has no scheme.
   *
   * @throws ReverieException when the value is blank
   */
  public static String normalizeBaseUrl(String resourceOrUrl) {
    String value = resourceOrUrl == null ? "" : resourceOrUrl.strip();
    if (value.isEmpty()) {
      throw new ReverieException("azure: give a resource name or the resource's URL");
    }
    if (RESOURCE_NAME.matcher(value).matches()) return resourceUrl(value.toLowerCase(Locale.ROOT));
    String url = value.contains("://") ? value : "https://" + value;
    URI uri = URI.create(url);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    var match = AZURE_HOST.matcher(host);
    if (match.matches()) return resourceUrl(match.group(1));
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String resourceUrl(String resource) {
    return "https://" + resource + ".openai.azure.com/openai/v1";
  }

  @Override
  public String toString() {
    return "Azure[" + baseUrl + "]";
  }

  /**
   * Configures {@link Azure}; the API key defaults to {@value #API_KEY_VARIABLE}. The endpoint is a
   * {@link #resourceName} or a {@link #baseUrl} (normalised by {@link #normalizeBaseUrl}).
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private boolean endpointSet;

    private Builder() {
      super(System.getenv(API_KEY_VARIABLE), "https://unset.openai.azure.com/openai/v1");
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public Builder baseUrl(String value) {
      endpointSet = true;
      return super.baseUrl(value);
    }

    /** The Azure resource, e.g. {@code my-resource} for {@code my-resource.openai.azure.com}. */
    public Builder resourceName(String value) {
      return baseUrl(value);
    }

    /**
     * @throws ReverieException when neither a resource name nor a base URL was given
     */
    public Azure build() {
      if (!endpointSet) {
        throw new ReverieException(
            "azure: give a resource name (resourceName(\"my-resource\")) or a base URL");
      }
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      if (!apiKey().isEmpty()) h = h.with("api-key", apiKey());
      return new Azure(normalizeBaseUrl(baseUrl()), h, transportWithRetries());
    }
  }
}
