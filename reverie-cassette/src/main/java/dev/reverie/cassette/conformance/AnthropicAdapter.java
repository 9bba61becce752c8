package dev.reverie.cassette.conformance;

import dev.reverie.ProviderData;
import dev.reverie.codec.anthropic.AnthropicOptions;
import dev.reverie.codec.anthropic.AnthropicTools;
import dev.reverie.codec.anthropic.ComputerUseVersion;
import dev.reverie.tool.ProviderToolSpec;
import java.util.Optional;

/** Anthropic's Messages API: a suite's thinking budget, web search and computer use. */
final class AnthropicAdapter implements ProviderAdapter {
  private static final int DISPLAY_WIDTH = 1920;
  private static final int DISPLAY_HEIGHT = 1080;

  @Override
  public ProviderData suiteOptions(SuiteSettings settings, ProviderEndpoint endpoint) {
    if (settings.thinkingBudgetTokens() == 0) return ProviderData.EMPTY;
    return AnthropicOptions.thinking(settings.thinkingBudgetTokens()).providerData();
  }

  @Override
  public Optional<ProviderToolSpec> webSearchTool() {
    return Optional.of(AnthropicTools.webSearch());
  }

  @Override
  public Optional<ProviderToolSpec> computerUseTool(String modelId) {
    return ComputerUseVersion.forModel(modelId)
        .map(version -> AnthropicTools.computer(DISPLAY_WIDTH, DISPLAY_HEIGHT, version));
  }
}
