package dev.reverie.codec.responses;

import dev.reverie.LanguageModel;
import dev.reverie.spi.Provider;

/**
 * A provider that serves the Responses API next to its default one (OpenAI, Azure OpenAI): {@code
 * languageModel(id)} stays on chat completions, {@link #responses(String)} opens the same model on
 * the Responses API. Implementations are immutable and thread-safe.
 */
public interface ResponsesProvider extends Provider {
  /** {@code modelId} on the Responses API, e.g. {@code o4-mini} or {@code gpt-4.1}. */
  LanguageModel responses(String modelId);
}
