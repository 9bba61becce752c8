package dev.reverie.provider.anthropic;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link Anthropic} by name ({@code anthropic:claude-sonnet-4-20250514}); found by {@link
 * java.util.ServiceLoader}.
 */
public final class AnthropicProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return Anthropic.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "Anthropic (api.anthropic.com)";
  }

  @Override
  public String apiKeyVariable() {
    return "ANTHROPIC_API_KEY";
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return Anthropic.builder().settings(settings).build();
  }
}
