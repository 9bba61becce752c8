package dev.reverie.spi;

/**
 * Makes a {@link Provider} from {@link ProviderSettings}; discovered with {@link
 * java.util.ServiceLoader} (listed in {@code META-INF/services/dev.reverie.spi.ProviderFactory}),
 * so that {@link dev.reverie.Providers}, the CLI and the conformance runner open every provider by
 * id with no list to edit.
 *
 * <p>Implementations are stateless and have a public no-argument constructor.
 */
public interface ProviderFactory {
  /** The provider id, e.g. {@code openrouter}; lower case, unique among factories. */
  String id();

  /** One line for listings, e.g. {@code OpenRouter (openrouter.ai)}. */
  String description();

  /**
   * The environment variable the API key is read from when the settings carry none, e.g. {@code
   * OPENROUTER_API_KEY}; empty when the provider has none.
   */
  String apiKeyVariable();

  /**
   * Every environment variable the key is read from, in order of preference: {@link
   * #apiKeyVariable()} first, then any a provider's own clients also read (Gemini's {@code
   * GOOGLE_API_KEY} after {@code GEMINI_API_KEY}).
   */
  default java.util.List<String> apiKeyVariables() {
    return apiKeyVariable().isEmpty() ? java.util.List.of() : java.util.List.of(apiKeyVariable());
  }

  /** Whether a request without an API key is pointless (false for local servers). */
  default boolean requiresApiKey() {
    return !apiKeyVariable().isEmpty();
  }

  /** Whether the provider has no default endpoint, so that settings must name a base URL. */
  default boolean requiresBaseUrl() {
    return false;
  }

  /**
   * The provider with {@code settings} applied; settings left unset take the provider's defaults.
   * The API key has already been resolved (from the settings or {@link #apiKeyVariable()}).
   */
  Provider create(ProviderSettings settings);
}
