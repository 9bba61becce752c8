package dev.reverie.cassette.conformance;

import dev.reverie.ProviderData;
import dev.reverie.provider.openai.OpenAiChatOptions;

/** OpenAI chat completions: the reasoning effort of a suite. */
final class OpenAiChatAdapter implements ProviderAdapter {
  private static final String OPENAI = "openai";

  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    if (settings.reasoningEffort().isEmpty()) return ProviderData.EMPTY;
    return ProviderData.of(OPENAI, OpenAiChatOptions.reasoningEffort(settings.reasoningEffort()));
  }
}
