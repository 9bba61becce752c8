package dev.reverie.cli;

import dev.reverie.LanguageModel;
import dev.reverie.Providers;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;
import java.util.stream.Collectors;

/**
 * A model named on the command line as {@code provider:model}, e.g. {@code openai:o4-mini} or
 * {@code openrouter:anthropic/claude-sonnet-4}, opened through {@link Providers}: any provider on
 * the class path, its key from its environment variable, {@code --base-url} for any of them.
 */
record ModelSpec(String name, String baseUrl) {

  /**
   * @param baseUrl the base URL to use instead of the provider's default, or empty
   */
  static ModelSpec of(String name, String baseUrl) {
    return new ModelSpec(name, baseUrl == null ? "" : baseUrl);
  }

  /** Opens the model; fails with one clear message for an unknown provider or a missing key. */
  LanguageModel open() {
    var settings = ProviderSettings.builder();
    if (!baseUrl.isEmpty()) settings.baseUrl(baseUrl);
    return Providers.languageModel(name, settings.build());
  }

  /** The providers and their key variables, for help texts. */
  static String knownProviders() {
    return Providers.factories().stream()
        .map(ModelSpec::describe)
        .collect(Collectors.joining(System.lineSeparator()));
  }

  private static String describe(ProviderFactory factory) {
    String key =
        factory.apiKeyVariable().isEmpty()
            ? ""
            : " (key: "
                + String.join(" or ", factory.apiKeyVariables())
                + (factory.requiresApiKey() ? ")" : ", optional)");
    return "  " + factory.id() + " - " + factory.description() + key;
  }
}
