package dev.reverie;

import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.PartStream;
import java.util.Objects;

/**
 * A model of some provider, as users call it: text, streams and structured objects.
 *
 * <p>Obtain one by name ({@code Providers.languageModel("openai:o4-mini")}) or from a provider,
 * e.g. {@code OpenAi.builder().apiKey(key).build().languageModel("o4-mini")}; wrap any {@link
 * ProviderModel} (a test fake, say) with {@link #of}. Object generation is written once here on top
 * of the provider's two calls, so it behaves the same for every provider. Instances are immutable
 * and thread-safe.
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

  /**
   * This model with {@code middleware} around its calls; middleware added later runs first (it is
   * the outermost). Text, streams, objects and agents all go through it.
   */
  public LanguageModel with(dev.reverie.spi.ModelMiddleware middleware) {
    Objects.requireNonNull(middleware, "middleware");
    return new LanguageModel(new MiddlewareModel(model, middleware));
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

  /**
   * Generates an object of type {@code T}; the schema comes from the type.
   *
   * @throws dev.reverie.error.NoObjectGeneratedException when no valid object could be produced
   */
  public <T> ObjectResult<T> generateObject(Class<T> type, Prompt prompt) {
    return generateObject(ObjectCall.of(Call.of(prompt), ObjectSchema.of(type)));
  }

  /**
   * Generates an object: the schema reaches the model by the strategy the call names or the one the
   * provider prefers; the output is validated and, if malformed, repaired.
   *
   * @throws dev.reverie.error.NoObjectGeneratedException when no valid object could be produced
   */
  public <T> ObjectResult<T> generateObject(ObjectCall<T> request) {
    ObjectStrategy strategy = ObjectCalls.strategyFor(request, model.capabilities());
    // Compile the schema before anything is sent: a bad schema must not cost a request.
    var validator = request.schema().validator();
    Response response = model.generate(ObjectCalls.prepare(request, strategy));
    String text;
    if (strategy == ObjectStrategy.FORCED_TOOL) {
      var call =
          response.toolCalls().stream()
              .filter(c -> c.toolName().equals(request.schema().name()))
              .findFirst();
      if (call.isEmpty()) {
        throw new dev.reverie.error.NoObjectGeneratedException(
            "the model did not call the object tool '" + request.schema().name() + "'",
            response.text(),
            response.usage(),
            response.finishReason(),
            null);
      }
      text = call.get().input();
    } else {
      text = response.text();
    }
    if (text.isBlank()) {
      throw new dev.reverie.error.NoObjectGeneratedException(
          "the model produced no output", text, response.usage(), response.finishReason(), null);
    }
    java.util.Optional<dev.reverie.json.JsonValue> parsed;
    try {
      parsed = java.util.Optional.of(ObjectFinisher.parseComplete(text));
    } catch (dev.reverie.error.ReverieException notJson) {
      parsed = java.util.Optional.empty();
    }
    var finished =
        ObjectFinisher.finish(
            text,
            parsed.map(ObjectFinisher.Parsed::of),
            validator,
            request.repair(),
            response.usage(),
            response.finishReason());
    return new ObjectResult<>(
        request.schema().bind(finished.tree()),
        finished.tree(),
        text,
        finished.repaired(),
        response.usage(),
        response.finishReason(),
        response.warnings(),
        response.providerMetadata());
  }

  /** Streams an object of type {@code T}; the schema comes from the type. Close the stream. */
  public <T> ObjectStream<T> streamObject(Class<T> type, Prompt prompt) {
    return streamObject(ObjectCall.of(Call.of(prompt), ObjectSchema.of(type)));
  }

  /** Streams an object while the model writes it. Close the stream (try-with-resources). */
  public <T> ObjectStream<T> streamObject(ObjectCall<T> request) {
    ObjectStrategy strategy = ObjectCalls.strategyFor(request, model.capabilities());
    var validator = request.schema().validator();
    PartStream parts = model.stream(ObjectCalls.prepare(request, strategy));
    return new ObjectStream<>(parts, request.schema(), validator, request.repair(), strategy);
  }

  @Override
  public String toString() {
    return "LanguageModel[" + model.providerId() + ":" + model.modelId() + "]";
  }
}
