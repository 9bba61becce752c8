package dev.reverie.cassette.conformance;

import dev.reverie.Providers;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The providers the runner can drive: every provider {@link Providers} finds on the class path
 * serves the recorded APIs of its id ({@link ProviderKind#providerId()}), with a {@link
 * ProviderAdapter} for the few that have suite options or provider tools. Cassettes of an API no
 * provider serves are skipped as "provider not implemented". Immutable.
 */
public final class ProviderRegistry {
  private final boolean discover;
  private final Map<String, ProviderAdapter> adapters;

  private ProviderRegistry(boolean discover, Map<String, ProviderAdapter> adapters) {
    this.discover = discover;
    this.adapters = Map.copyOf(adapters);
  }

  /** No providers: every cassette is skipped. */
  public static ProviderRegistry empty() {
    return new ProviderRegistry(false, Map.of());
  }

  /** Every provider on the class path. */
  public static ProviderRegistry standard() {
    return new ProviderRegistry(
        true,
        Map.of(
            "openai", new OpenAiAdapter(),
            "azure", new OpenAiAdapter(),
            "anthropic", new AnthropicAdapter(),
            "google", new GoogleAdapter(),
            "vertex", new VertexAdapter(),
            "bedrock", new AnthropicAdapter(),
            "openai-compat", new OpenAiCompatibleAdapter(),
            "openrouter", new OpenRouterAdapter(),
            "vercel", new VercelAdapter()));
  }

  /** The adapter for {@code kind}, if a provider on the class path serves that API. */
  public Optional<ProviderAdapter> adapter(ProviderKind kind) {
    Objects.requireNonNull(kind, "kind");
    if (!discover || Providers.factory(kind.providerId()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(adapters.getOrDefault(kind.providerId(), ProviderAdapter.PLAIN));
  }
}
