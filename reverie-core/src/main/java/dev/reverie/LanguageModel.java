package dev.reverie;

import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.PartStream;
import java.util.Objects;

/**
 * A model of some provider, as users call it: text, streams and structured objects.
 *
 * <p>Obtain one from a provider, e.g. {@code OpenAi.builder().apiKey(key).build()
 * .languageModel("o4-mini")}. Object generation is written once here on top of the provider's two
 * calls, so it behaves the same for every provider. Instances are immutable and thread-safe.
 */
public final class LanguageModel {
  private final ProviderModel model;

  private LanguageModel(ProviderModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /** Wraps a provider's model. */
  public static LanguageModel of(ProviderModel model) {
    return new LanguageModel(model);
  }

  /** The provider's model behind this one. */
  public ProviderModel providerModel() {
    return model;
  }

  public String providerId() {
    return model.providerId();
  }

  public String modelId() {
    return model.modelId();
  }

  /** Sends {@code call} and waits for the whole answer. */
  public Response generate(Call call) {
    return model.generate(call);
  }

  /** Sends a prompt with default settings and waits for the whole answer. */
  public Response generate(Prompt prompt) {
    return model.generate(Call.of(prompt));
  }

  /** Sends {@code call} and streams the answer; close the stream to abort. */
  public PartStream stream(Call call) {
    return model.stream(call);
  }

  public PartStream stream(Prompt prompt) {
    return model.stream(Call.of(prompt));
  }

  @Override
  public String toString() {
    return "LanguageModel[" + model.providerId() + ":" + model.modelId() + "]";
  }
}
