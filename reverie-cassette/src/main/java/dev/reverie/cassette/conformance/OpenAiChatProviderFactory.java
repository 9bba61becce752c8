package dev.reverie.cassette.conformance;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import dev.reverie.provider.openai.OpenAi;
import dev.reverie.provider.openai.OpenAiChatOptions;
import dev.reverie.transport.Transport;

/** OpenAI chat completions: {@link OpenAi} at the recorded base URL. */
final class OpenAiChatProviderFactory implements ProviderFactory {
  private static final String OPENAI = "openai";

  @Override
  public LanguageModel languageModel(ProviderEndpoint endpoint, Transport transport) {
    return OpenAi.builder()
        .apiKey(DummyCredentials.API_KEY)
        .baseUrl(endpoint.baseUrl())
        .transport(transport)
        .build()
        .languageModel(endpoint.modelId());
  }

  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    if (settings.reasoningEffort().isEmpty()) return ProviderData.EMPTY;
    return ProviderData.of(OPENAI, OpenAiChatOptions.reasoningEffort(settings.reasoningEffort()));
  }
}
