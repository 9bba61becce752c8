package dev.reverie;

import dev.reverie.error.ReverieException;
import dev.reverie.spi.Provider;
import dev.reverie.spi.ProviderFactory;
import dev.reverie.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens providers and models by name, e.g. {@code Providers.languageModel("openrouter:anthropic/
 * claude-sonnet-4")}: every {@link ProviderFactory} on the class path is found with {@link
 * ServiceLoader}, so a provider added to the class path is usable here, in the CLI and in the
 * conformance runner without a list to edit.
 *
 * <p>API keys not given in the settings come from the provider's documented environment variable
 * ({@code OPENAI_API_KEY}, {@code OPENROUTER_API_KEY}…); a provider that needs one and has none
 * fails here with a message naming the variable, before any request is sent.
 */
public final class Providers {
  private Providers() {}

  /** Every provider factory on the class path, ordered by id. */
  public static List<ProviderFactory> factories() {
    var found = new ArrayList<ProviderFactory>();
    ServiceLoader.load(ProviderFactory.class, Providers.class.getClassLoader()).forEach(found::add);
    found.sort(Comparator.comparing(ProviderFactory::id));
    for (int i = 1; i < found.size(); i++) {
      if (found.get(i).id().equals(found.get(i - 1).id())) {
        throw new ReverieException(
            "two providers claim the id '"
                + found.get(i).id()
                + "': "
                + found.get(i - 1).getClass().getName()
                + " and "
                + found.get(i).getClass().getName());
      }
    }
    return List.copyOf(found);
  }

  /** The factory of provider {@code id}, if it is on the class path. */
  public static Optional<ProviderFactory> factory(String id) {
    Objects.requireNonNull(id, "id");
    String wanted = id.toLowerCase(Locale.ROOT);
    return factories().stream().filter(f -> f.id().equals(wanted)).findFirst();
  }

  /** Provider {@code id} with its defaults and the key from its environment variable. */
  public static Provider provider(String id) {
    return provider(id, ProviderSettings.defaults());
  }

  /**
   * Provider {@code id} with {@code settings}.
   *
   * @throws ReverieException when no such provider is on the class path, when it needs an API key
   *     and neither the settings nor its environment variable have one, or when it needs a base URL
   *     and the settings have none
   */
  public static Provider provider(String id, ProviderSettings settings) {
    Objects.requireNonNull(settings, "settings");
    ProviderFactory factory =
        factory(id)
            .orElseThrow(
                () ->
                    new ReverieException(
                        "unknown provider '" + id + "' (known: " + knownIds() + ")"));
    ProviderSettings resolved = settings;
    // A blank key (an environment variable set but empty, say) is no key.
    boolean hasKey = settings.apiKey().filter(key -> !key.isBlank()).isPresent();
    if (!hasKey) {
      for (String variable : factory.apiKeyVariables()) {
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
          resolved = settings.toBuilder().apiKey(fromEnvironment.strip()).build();
          break;
        }
      }
    }
    if (resolved.apiKey().filter(key -> !key.isBlank()).isEmpty() && factory.requiresApiKey()) {
      throw new ReverieException(
          factory.id()
              + " needs an API key: set "
              + String.join(" or ", factory.apiKeyVariables())
              + " or pass one");
    }
    if (resolved.baseUrl().isEmpty() && factory.requiresBaseUrl()) {
      throw new ReverieException(
          factory.id()
              + " has no default endpoint: give a base URL (e.g. http://localhost:8080/v1)");
    }
    return factory.create(resolved);
  }

  /** The model named {@code provider:model}, e.g. {@code openai:o4-mini}, with defaults. */
  public static LanguageModel languageModel(String name) {
    return languageModel(name, ProviderSettings.defaults());
  }

  /**
   * The model named {@code provider:model}; the model id is everything after the first colon, so
   * ids with colons of their own ({@code openai-compat:model:tag}) work.
   */
  public static LanguageModel languageModel(String name, ProviderSettings settings) {
    Objects.requireNonNull(name, "name");
    int colon = name.indexOf(':');
    if (colon <= 0 || colon == name.length() - 1) {
      throw new ReverieException(
          "a model is named provider:model, e.g. openai:o4-mini (got '" + name + "')");
    }
    return provider(name.substring(0, colon), settings).languageModel(name.substring(colon + 1));
  }

  private static String knownIds() {
    return String.join(", ", factories().stream().map(ProviderFactory::id).toList());
  }
}
