package dev.reverie.cassette.conformance;

import dev.reverie.ProviderData;
import dev.reverie.provider.openaicompat.OpenAiCompatibleOptions;

/** OpenAI-compatible servers: the reasoning effort of a suite. */
final class OpenAiCompatibleAdapter implements ProviderAdapter {
  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    if (settings.reasoningEffort().isEmpty()) return ProviderData.EMPTY;
    return OpenAiCompatibleOptions.reasoningEffort(settings.reasoningEffort()).providerData();
  }
}
