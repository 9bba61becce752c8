package dev.reverie.provider.openaicompat;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link OpenAiCompatible} by name ({@code openai-compat:model}); a base URL must be given;
 * found by {@link java.util.ServiceLoader}.
 */
public final class OpenAiCompatibleProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return OpenAiCompatible.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "any OpenAI-compatible /chat/completions server (give its base URL)";
  }

  @Override
  public String apiKeyVariable() {
    return "OPENAI_COMPATIBLE_API_KEY";
  }

  @Override
  public boolean requiresApiKey() {
    return false;
  }

  @Override
  public boolean requiresBaseUrl() {
    return true;
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return OpenAiCompatible.builder().settings(settings).build();
  }
}
