package dev.reverie.provider.openrouter;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link OpenRouter} by name ({@code openrouter:anthropic/claude-sonnet-4}); found by {@link
 * java.util.ServiceLoader}.
 */
public final class OpenRouterProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return OpenRouter.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "OpenRouter (openrouter.ai)";
  }

  @Override
  public String apiKeyVariable() {
    return "OPENROUTER_API_KEY";
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return OpenRouter.builder().settings(settings).build();
  }
}
