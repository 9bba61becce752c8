package dev.reverie.cassette.conformance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The providers the runner can drive, one {@link ProviderFactory} per {@link ProviderKind}.
 * Cassettes of a kind without a factory are skipped as "provider not implemented". Immutable.
 */
public final class ProviderRegistry {
  private final Map<ProviderKind, ProviderFactory> factories;

  private ProviderRegistry(Map<ProviderKind, ProviderFactory> factories) {
    this.factories = factories;
  }

  /** No providers: every cassette is skipped. */
  public static ProviderRegistry empty() {
    return new ProviderRegistry(Collections.emptyMap());
  }

  /** Every provider Reverie implements so far. */
  public static ProviderRegistry standard() {
    return empty()
        .with(ProviderKind.OPENAI_CHAT, new OpenAiChatProviderFactory())
        .with(ProviderKind.ANTHROPIC, new AnthropicProviderFactory());
  }

  /** A copy in which {@code kind} is driven by {@code factory}. */
  public ProviderRegistry with(ProviderKind kind, ProviderFactory factory) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(factory, "factory");
    var copy = new EnumMap<ProviderKind, ProviderFactory>(ProviderKind.class);
    copy.putAll(factories);
    copy.put(kind, factory);
    return new ProviderRegistry(Collections.unmodifiableMap(copy));
  }

  /** The factory for {@code kind}, if that provider is implemented. */
  public Optional<ProviderFactory> factory(ProviderKind kind) {
    return Optional.ofNullable(factories.get(kind));
  }
}
