package dev.reverie.provider.google;

import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;

/**
 * Opens {@link Google} (the Gemini API) by name ({@code google:gemini-2.5-flash}); found by {@link
 * java.util.ServiceLoader}. The key comes from {@code GEMINI_API_KEY}, or {@code GOOGLE_API_KEY}
 * when that is unset.
 */
public final class GoogleProviderFactory implements ProviderFactory {
  @Override
  public String id() {
    return Google.PROVIDER_ID;
  }

  @Override
  public String description() {
    return "Google Gemini API (generativelanguage.googleapis.com)";
  }

  @Override
  public String apiKeyVariable() {
    return Google.API_KEY_VARIABLE;
  }

  @Override
  public java.util.List<String> apiKeyVariables() {
    return java.util.List.of(Google.API_KEY_VARIABLE, Google.FALLBACK_API_KEY_VARIABLE);
  }

  @Override
  public Provider create(ProviderSettings settings) {
    return Google.builder().settings(settings).build();
  }
}
