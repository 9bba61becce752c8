package dev.reverie.cassette.conformance;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import dev.reverie.Providers;
import dev.reverie.codec.responses.ResponsesProvider;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.transport.Transport;
import java.util.Optional;

/**
 * What the runner needs of one provider beyond opening it: its typed options for a suite's settings
 * and its provider tools. The model itself is opened the way a user would, by id through {@link
 * Providers} with dummy credentials, the recorded base URL and the replaying transport (on the
 * Responses API through {@link ResponsesProvider#responses}, when the recording used it); a
 * provider with nothing suite-specific needs no adapter at all ({@link ProviderRegistry}).
 */
public interface ProviderAdapter {

  /** An adapter with no suite options and no provider tools. */
  ProviderAdapter PLAIN = new ProviderAdapter() {};

  /**
   * The recorded model, sending its requests through {@code transport}.
   *
   * @param endpoint where and which model the cassette was recorded against
   * @param transport the replaying transport; the model must use no other
   */
  default LanguageModel languageModel(ProviderEndpoint endpoint, Transport transport) {
    var settings =
        ProviderSettings.builder()
            .apiKey(DummyCredentials.API_KEY)
            .baseUrl(endpoint.baseUrl())
            .transport(transport)
            .build();
    Provider provider = Providers.provider(endpoint.kind().providerId(), settings);
    if (!endpoint.kind().isResponsesApi()) return provider.languageModel(endpoint.modelId());
    if (provider instanceof ResponsesProvider responses) {
      return responses.responses(endpoint.modelId());
    }
    throw new ScenarioFailure(provider.id() + " does not serve the Responses API");
  }

  /**
   * The call options for the suite's settings (a thinking budget, a reasoning effort…), keyed by
   * the provider's id; empty when the suite sets nothing this provider understands.
   */
  default ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    return ProviderData.EMPTY;
  }

  /** The provider's server-side web search tool, if it has one. */
  default Optional<ProviderToolSpec> webSearchTool() {
    return Optional.empty();
  }

  /**
   * The computer-use tool for a 1920×1080 display, in the version {@code modelId} takes, if the
   * provider has one.
   */
  default Optional<ProviderToolSpec> computerUseTool(String modelId) {
    return Optional.empty();
  }
}
