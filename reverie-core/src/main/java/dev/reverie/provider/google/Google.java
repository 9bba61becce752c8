package dev.reverie.provider.google;

import dev.reverie.LanguageModel;
import dev.reverie.codec.gemini.GeminiFormat;
import dev.reverie.codec.gemini.GeminiModel;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Objects;

/**
 * The Gemini API provider: hands out {@code generateContent} models.
 *
 * <pre>{@code
 * var google = Google.builder().apiKey(System.getenv("GEMINI_API_KEY")).build();
 * LanguageModel model = google.languageModel("gemini-2.5-flash");
 * }</pre>
 *
 * The API key is sent as {@code x-goog-api-key} (never in the URL) and never appears in {@code
 * toString()} or errors. Provider options and metadata use the key {@value #PROVIDER_ID}; see
 * {@link dev.reverie.codec.gemini.GeminiOptions}. Immutable and thread-safe.
 */
public final class Google implements Provider {
  /** The provider id: the key of Gemini's provider options and metadata. */
  public static final String PROVIDER_ID = GeminiFormat.OPTIONS_KEY;

  /** The public API's base URL; requests go to {@code <base>/v1beta/models/<model>:<method>}. */
  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

  /** The API version in the path. */
  public static final String API_VERSION = "v1beta";

  /** The environment variable the key is read from, as Google's own clients do. */
  public static final String API_KEY_VARIABLE = "GEMINI_API_KEY";

  /** Read when {@value #API_KEY_VARIABLE} is unset, as Google's own clients do. */
  public static final String FALLBACK_API_KEY_VARIABLE = "GOOGLE_API_KEY";

  private final String baseUrl;
  private final HttpHeaders headers;
  private final Transport transport;

  private Google(String baseUrl, HttpHeaders headers, Transport transport) {
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

  /** A Gemini model, e.g. {@code gemini-2.5-flash} (a {@code models/} prefix is accepted). */
  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    String id = modelId.startsWith("models/") ? modelId.substring("models/".length()) : modelId;
    URI modelUrl = URI.create(baseUrl + "/" + API_VERSION + "/models/" + id);
    return LanguageModel.of(new GeminiModel(PROVIDER_ID, id, modelUrl, headers, transport, true));
  }

  @Override
  public String toString() {
    return "Google[" + baseUrl + "]";
  }

  /** The key from {@value #API_KEY_VARIABLE}, else {@value #FALLBACK_API_KEY_VARIABLE}, or null. */
  static String keyFromEnvironment() {
    String key = System.getenv(API_KEY_VARIABLE);
    return key != null && !key.isBlank() ? key : System.getenv(FALLBACK_API_KEY_VARIABLE);
  }

  /**
   * Configures {@link Google}: the API key defaults to {@code GEMINI_API_KEY} (then {@code
   * GOOGLE_API_KEY}); the base URL (a proxy, say) gets {@code /v1beta/models/…} appended.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private Builder() {
      super(keyFromEnvironment(), DEFAULT_BASE_URL);
    }

    @Override
    protected Builder self() {
      return this;
    }

    public Google build() {
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      if (!apiKey().isEmpty()) h = h.with("x-goog-api-key", apiKey());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      return new Google(baseUrl(), h, transportWithRetries());
    }
  }
}
