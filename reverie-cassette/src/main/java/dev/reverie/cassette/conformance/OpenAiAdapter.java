package dev.reverie.cassette.conformance;

import dev.reverie.ProviderData;
import dev.reverie.codec.responses.ResponsesOptions;
import dev.reverie.codec.responses.ResponsesTools;
import dev.reverie.provider.openai.OpenAiChatOptions;
import dev.reverie.tool.ProviderToolSpec;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI and Azure OpenAI (both take OpenAI's options, keyed {@code openai}): a suite's reasoning
 * effort on chat completions; on the Responses API its effort, reasoning summaries with encrypted
 * reasoning, and web search.
 */
final class OpenAiAdapter implements ProviderAdapter {
  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    if (!endpoint.kind().isResponsesApi()) {
      if (settings.reasoningEffort().isEmpty()) return ProviderData.EMPTY;
      return OpenAiChatOptions.reasoningEffort(settings.reasoningEffort()).providerData();
    }
    if (settings.reasoningEffort().isEmpty() && !settings.reasoningSummary()) {
      return ProviderData.EMPTY;
    }
    var options = ResponsesOptions.builder();
    if (!settings.reasoningEffort().isEmpty()) options.reasoningEffort(settings.reasoningEffort());
    if (settings.reasoningSummary()) {
      options.reasoningSummary("auto").include(List.of(ResponsesOptions.ENCRYPTED_REASONING));
    }
    return options.build().providerData();
  }

  @Override
  public Optional<ProviderToolSpec> webSearchTool() {
    return Optional.of(ResponsesTools.webSearch());
  }
}
