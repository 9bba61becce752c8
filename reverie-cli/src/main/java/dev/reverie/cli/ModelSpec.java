package dev.reverie.cli;

import dev.reverie.LanguageModel;
import dev.reverie.provider.anthropic.Anthropic;
import dev.reverie.provider.openai.OpenAi;
import java.util.Locale;

/**
 * A model named on the command line as {@code provider:model}, e.g. {@code openai:o4-mini}. API
 * keys come from the provider's environment variable.
 */
record ModelSpec(String provider, String modelId) {

  static ModelSpec parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "a model is written provider:model, e.g. openai:o4-mini (got '" + text + "')");
    }
    return new ModelSpec(
        text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1));
  }

  /** Opens the model; fails with one clear message when the provider's key is not set. */
  LanguageModel open() {
    return switch (provider) {
      case "openai" ->
          OpenAi.builder().apiKey(requireEnv("OPENAI_API_KEY")).build().languageModel(modelId);
      case "anthropic" ->
          Anthropic.builder()
              .apiKey(requireEnv("ANTHROPIC_API_KEY"))
              .build()
              .languageModel(modelId);
      default ->
          throw new IllegalArgumentException(
              "unknown provider '" + provider + "' (known: openai, anthropic)");
    };
  }

  static String requireEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set");
    }
    return value;
  }
}
