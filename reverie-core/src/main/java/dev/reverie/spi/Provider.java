package dev.reverie.spi;

import dev.reverie.LanguageModel;

/**
 * A model provider: one service (OpenAI, Anthropic, OpenRouter, any OpenAI-compatible server…)
 * configured with its credentials and endpoint, handing out its models by id.
 *
 * <p>Open one by name through {@link dev.reverie.Providers}, or build one with the service's own
 * builder (e.g. {@code OpenAi.builder()}). Implementations are immutable and thread-safe.
 */
public interface Provider {
  /** The provider's id, e.g. {@code openrouter}: the prefix of {@code openrouter:model} names. */
  String id();

  /** A language model of this provider, e.g. {@code anthropic/claude-sonnet-4} on OpenRouter. */
  LanguageModel languageModel(String modelId);
}
