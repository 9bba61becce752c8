package dev.reverie.cassette.conformance;

import dev.reverie.ProviderData;
import dev.reverie.codec.gemini.GeminiOptions;
import java.util.Locale;

/**
 * Gemini (Gemini API and Vertex AI): a suite's thinking settings as a thinking budget (Gemini 2.x)
 * or level (Gemini 3), with thoughts included.
 */
final class GoogleAdapter implements ProviderAdapter {
  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    var options = GeminiOptions.builder();
    if (settings.thinkingBudgetTokens() > 0) {
      options.thinkingBudget(settings.thinkingBudgetTokens()).includeThoughts(true);
    } else if (!settings.reasoningEffort().isEmpty()) {
      options
          .thinkingLevel(settings.reasoningEffort().toUpperCase(Locale.ROOT))
          .includeThoughts(true);
    } else {
      return ProviderData.EMPTY;
    }
    return options.build().providerData();
  }
}
