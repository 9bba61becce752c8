package dev.reverie.cassette.conformance;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import dev.reverie.provider.vertex.Vertex;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.transport.Transport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vertex AI: the project and location come from the recorded URL ({@code
 * /projects/<p>/locations/<l>/}), the dummy key is taken as a static access token (replay needs no
 * Google sign-in), and Gemini models get the Gemini suite options.
 */
final class VertexAdapter implements ProviderAdapter {
  private static final Pattern PROJECT_AND_LOCATION =
      Pattern.compile("/projects/([^/]+)/locations/([^/]+)/");

  private final GoogleAdapter gemini = new GoogleAdapter();

  @Override
  public LanguageModel languageModel(ProviderEndpoint endpoint, Transport transport) {
    Matcher matcher = PROJECT_AND_LOCATION.matcher(endpoint.firstRequestUrl().getRawPath());
    if (!matcher.find()) {
      throw new UnknownProviderException(
          endpoint.firstRequestUrl(), "no project and location in the Vertex URL");
    }
    var settings =
        ProviderSettings.builder()
            .apiKey(DummyCredentials.API_KEY)
            .baseUrl(endpoint.baseUrl())
            .transport(transport)
            .build();
    return Vertex.builder()
        .settings(settings)
        .project(matcher.group(1))
        .location(matcher.group(2))
        .build()
        .languageModel(endpoint.modelId());
  }

  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    return endpoint.kind() == ProviderKind.VERTEX_GEMINI
        ? gemini.suiteOptions(settings, endpoint)
        : ProviderData.EMPTY;
  }
}
