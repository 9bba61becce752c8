package dev.reverie.provider.vertex;

import com.google.auth.oauth2.GoogleCredentials;
import dev.reverie.LanguageModel;
import dev.reverie.codec.gemini.GeminiModel;
import dev.reverie.error.ReverieException;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderBuilder;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.Transport;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The Vertex AI provider: Gemini and Claude models of one Google Cloud project and location.
 *
 * <pre>{@code
 * var vertex = Vertex.builder().project("my-project").location("us-east5").build();
 * LanguageModel gemini = vertex.languageModel("gemini-2.5-flash");
 * LanguageModel claude = vertex.languageModel("claude-3-7-sonnet@20250219");
 * }</pre>
 *
 * <p>Model ids naming Claude ({@code claude…} or {@code anthropic…}) are served in Anthropic's
 * format at {@code v1/…/publishers/anthropic/models/<id>:rawPredict}, with {@link
 * dev.reverie.codec.anthropic.AnthropicOptions} under {@code anthropic}; every other id is a Gemini
 * model at {@code v1beta1/…/publishers/google/models/<id>:generateContent}, with {@link
 * dev.reverie.codec.gemini.GeminiOptions} under {@code google} (function calls carry no ids: Vertex
 * rejects them).
 *
 * <p>Requests carry {@code Authorization: Bearer <token>}: a token given to the builder (or as the
 * settings' API key), else from the credentials given, else from Application Default Credentials,
 * loaded on the first request and refreshed before expiry by Google's auth library. Credentials
 * that cannot be found or refreshed fail the request with a {@link VertexCredentialsException}.
 * Tokens never appear in {@code toString()} or errors. Immutable and thread-safe.
 */
public final class Vertex implements Provider {
  /** The provider id. */
  public static final String PROVIDER_ID = "vertex";

  /** The variable the project is read from when the builder has none. */
  public static final String PROJECT_VARIABLE = "GOOGLE_CLOUD_PROJECT";

  /** The variable the location is read from when the builder has none. */
  public static final String LOCATION_VARIABLE = "GOOGLE_CLOUD_LOCATION";

  private final String baseUrl;
  private final String project;
  private final String location;
  private final HttpHeaders headers;
  private final Transport transport;

  private Vertex(
      String baseUrl, String project, String location, HttpHeaders headers, Transport transport) {
    this.baseUrl = baseUrl;
    this.project = project;
    this.location = location;
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

  /** A Gemini model ({@code gemini-2.5-flash}) or a Claude model ({@code claude-…@…}). */
  @Override
  public LanguageModel languageModel(String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    String where = baseUrl + "/%s/projects/" + project + "/locations/" + location + "/publishers/";
    if (isClaude(modelId)) {
      URI url = URI.create(String.format(where, "v1") + "anthropic/models/" + modelId);
      return LanguageModel.of(new VertexAnthropicModel(modelId, url, headers, transport));
    }
    URI url = URI.create(String.format(where, "v1beta1") + "google/models/" + modelId);
    return LanguageModel.of(new GeminiModel(PROVIDER_ID, modelId, url, headers, transport, false));
  }

  static boolean isClaude(String modelId) {
    String id = modelId.toLowerCase(Locale.ROOT);
    return id.contains("claude") || id.contains("anthropic");
  }

  /** The regional endpoint of {@code location}; {@code global} has none of its own. */
  static String defaultBaseUrl(String location) {
    return location.equals("global")
        ? "https://aiplatform.googleapis.com"
        : "https://" + location + "-aiplatform.googleapis.com";
  }

  @Override
  public String toString() {
    return "Vertex[" + project + "/" + location + " at " + baseUrl + "]";
  }

  /**
   * Configures {@link Vertex}: project and location (else {@value #PROJECT_VARIABLE} and {@value
   * #LOCATION_VARIABLE}), the credentials, and the shared settings. The API key setting is taken as
   * an OAuth access token (a static bearer token, e.g. from {@code gcloud auth
   * print-access-token}); the base URL defaults to the location's endpoint.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private String project = System.getenv(PROJECT_VARIABLE);
    private String location = System.getenv(LOCATION_VARIABLE);
    private GoogleCredentials credentials;
    private GoogleCredentialsTokenSource.CredentialsLoader credentialsLoader;

    private Builder() {
      super(null, "");
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** The Google Cloud project id. */
    public Builder project(String value) {
      project = Objects.requireNonNull(value, "project");
      return this;
    }

    /** The location, e.g. {@code us-east5}, {@code europe-west4} or {@code global}. */
    public Builder location(String value) {
      location = Objects.requireNonNull(value, "location");
      return this;
    }

    /** A fixed OAuth access token, sent as is and never refreshed. */
    public Builder accessToken(String token) {
      return apiKey(Objects.requireNonNull(token, "token"));
    }

    /**
     * Credentials to use instead of Application Default Credentials (a service account,
     * impersonated or external-account credentials…); scoped to {@code cloud-platform} when they
     * need a scope.
     */
    public Builder credentials(GoogleCredentials value) {
      credentials = Objects.requireNonNull(value, "credentials");
      return this;
    }

    /** Where Application Default Credentials come from; for tests. */
    Builder credentialsLoader(GoogleCredentialsTokenSource.CredentialsLoader loader) {
      credentialsLoader = loader;
      return this;
    }

    /**
     * @throws ReverieException when no project or no location is set
     */
    public Vertex build() {
      if (project == null || project.isBlank()) {
        throw new ReverieException(
            "vertex needs a Google Cloud project: set "
                + PROJECT_VARIABLE
                + " or call Vertex.builder().project(...)");
      }
      if (location == null || location.isBlank()) {
        throw new ReverieException(
            "vertex needs a location (e.g. us-east5 or global): set "
                + LOCATION_VARIABLE
                + " or call Vertex.builder().location(...)");
      }
      HttpHeaders h = HttpHeaders.EMPTY.with("User-Agent", userAgent());
      for (var e : headers().entrySet()) h = h.with(e.getKey(), e.getValue());
      String url = baseUrl().isEmpty() ? defaultBaseUrl(location.strip()) : baseUrl();
      Transport signed = transportWithRetries().with(new BearerTokenInterceptor(tokenSource()));
      return new Vertex(url, project.strip(), location.strip(), h, signed);
    }

    private AccessTokenSource tokenSource() {
      String token = apiKey();
      if (!token.isEmpty()) return () -> token;
      if (credentials != null) return new GoogleCredentialsTokenSource(() -> credentials);
      if (credentialsLoader != null) return new GoogleCredentialsTokenSource(credentialsLoader);
      return GoogleCredentialsTokenSource.applicationDefault();
    }
  }
}
