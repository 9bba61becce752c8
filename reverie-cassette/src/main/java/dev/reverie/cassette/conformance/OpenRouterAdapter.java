package dev.reverie.cassette.conformance;

import dev.reverie.ProviderData;
import dev.reverie.provider.openrouter.OpenRouterOptions;

/** OpenRouter: the reasoning effort of a suite. */
final class OpenRouterAdapter implements ProviderAdapter {
  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    if (settings.reasoningEffort().isEmpty()) return ProviderData.EMPTY;
    return OpenRouterOptions.builder()
        .reasoningEffort(settings.reasoningEffort())
        .build()
        .providerData();
  }
}
