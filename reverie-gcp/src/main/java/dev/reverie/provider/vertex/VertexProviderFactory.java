package dev.reverie.provider.vertex;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link Vertex} by name ({@code vertex:gemini-2.5-flash}, {@code
 * vertex:claude-3-7-sonnet@20250219}); found by {@link java.util.ServiceLoader}. The project and
 * location come from {@code GOOGLE_CLOUD_PROJECT} and {@code GOOGLE_CLOUD_LOCATION}; credentials
 * are Application Default Credentials, or the settings' API key taken as an access token.
 */
public final class VertexProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return Vertex.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "Google Vertex AI, Gemini and Claude (Application Default Credentials, "
        + Vertex.PROJECT_VARIABLE
        + ", "
        + Vertex.LOCATION_VARIABLE
        + ")";
  }

  /** None: Vertex signs in with Google credentials, not a key. */
  @Override
  public String apiKeyVariable() {
    return "";
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return Vertex.builder().settings(settings).build();
  }
}
