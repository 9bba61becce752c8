package dev.reverie.provider.azure;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link Azure} by name ({@code azure:gpt-5-mini}, the base URL a resource name or the
 * resource's URL); found by {@link java.util.ServiceLoader}.
 */
public final class AzureProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return Azure.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "Azure OpenAI (<resource>.openai.azure.com; base URL = resource name or URL)";
  }

  @Override
  public String apiKeyVariable() {
    return Azure.API_KEY_VARIABLE;
  }

  @Override
  public boolean requiresBaseUrl() {
    return true;
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return Azure.builder().settings(settings).build();
  }
}
