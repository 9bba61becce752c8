package dev.reverie.cassette.conformance;

import dev.reverie.LanguageModel;
import dev.reverie.ProviderData;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a scenario runs against: the provider configured over the replaying transport, with the
 * options its suite was recorded with.
 *
 * @param endpoint where the cassette was recorded
 * @param settings the suite's settings
 * @param factory the provider's factory, for its provider tools
 * @param model the model, replaying the cassette
 * @param suiteOptions the provider options for the suite's settings; pass them on every call
 * @param cassette the cassette file, to find files next to it (the uploaded image)
 */
record ScenarioContext(
    ProviderEndpoint endpoint,
    SuiteSettings settings,
    ProviderAdapter factory,
    LanguageModel model,
    ProviderData suiteOptions,
    Path cassette) {
  ScenarioContext {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(suiteOptions, "suiteOptions");
    Objects.requireNonNull(cassette, "cassette");
  }
}
