package dev.reverie.spi;

import dev.reverie.ObjectStrategy;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider model declares it can do; core decides from it how to generate objects, alone or
 * at the end of an agent's tool loop.
 *
 * @param preferredObjectStrategy the strategy used unless a call overrides it
 * @param objectStrategies every strategy the model supports
 * @param responseFormatWithTools whether one call may carry both a JSON-schema response format and
 *     tools (OpenAI chat completions may; then an agent's every step asks for the object and the
 *     answer after the last tool call is the object, with no extra call)
 */
public record ModelCapabilities(
    ObjectStrategy preferredObjectStrategy,
    Set<ObjectStrategy> objectStrategies,
    boolean responseFormatWithTools) {
  public ModelCapabilities {
    Objects.requireNonNull(preferredObjectStrategy, "preferredObjectStrategy");
    objectStrategies = Set.copyOf(objectStrategies);
    if (!objectStrategies.contains(preferredObjectStrategy))
      throw new IllegalArgumentException("preferred strategy must be supported");
    if (responseFormatWithTools && !objectStrategies.contains(ObjectStrategy.RESPONSE_FORMAT)) {
      throw new IllegalArgumentException(
          "a response format alongside tools needs the RESPONSE_FORMAT strategy");
    }
  }

  /** Capabilities that do not allow a response format alongside tools. */
  public ModelCapabilities(
      ObjectStrategy preferredObjectStrategy, Set<ObjectStrategy> objectStrategies) {
    this(preferredObjectStrategy, objectStrategies, false);
  }

  /** A model with native JSON-schema output, also alongside tools, tools and plain text. */
  public static ModelCapabilities nativeJson() {
    return new ModelCapabilities(
        ObjectStrategy.RESPONSE_FORMAT, Set.of(ObjectStrategy.values()), true);
  }

  /** A model with tools but no native JSON-schema output. */
  public static ModelCapabilities toolsOnly() {
    return new ModelCapabilities(
        ObjectStrategy.FORCED_TOOL,
        Set.of(ObjectStrategy.FORCED_TOOL, ObjectStrategy.SCHEMA_IN_PROMPT));
  }

  /** A copy that does or does not allow a response format alongside tools. */
  public ModelCapabilities withResponseFormatWithTools(boolean value) {
    return new ModelCapabilities(preferredObjectStrategy, objectStrategies, value);
  }
}
