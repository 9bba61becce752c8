package dev.reverie.provider.openai;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link OpenAi} by name ({@code openai:o4-mini}); found by {@link java.util.ServiceLoader}.
 */
public final class OpenAiProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return OpenAi.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "OpenAI (api.openai.com)";
  }

  @Override
  public String apiKeyVariable() {
    return "OPENAI_API_KEY";
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return OpenAi.builder().settings(settings).build();
  }
}
