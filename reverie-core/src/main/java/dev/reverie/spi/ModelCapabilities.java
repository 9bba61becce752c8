package dev.reverie.spi;

import dev.reverie.ObjectStrategy;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider model declares it can do; core decides from it how to generate objects.
 *
 * @param preferredObjectStrategy the strategy used unless a call overrides it
 * @param objectStrategies every strategy the model supports
 */
public record ModelCapabilities(
    ObjectStrategy preferredObjectStrategy, Set<ObjectStrategy> objectStrategies) {
  public ModelCapabilities {
    Objects.requireNonNull(preferredObjectStrategy, "preferredObjectStrategy");
    objectStrategies = Set.copyOf(objectStrategies);
    if (!objectStrategies.contains(preferredObjectStrategy))
      throw new IllegalArgumentException("preferred strategy must be supported");
  }

  /** A model with native JSON-schema output, tools and plain text. */
  public static ModelCapabilities nativeJson() {
    return new ModelCapabilities(ObjectStrategy.RESPONSE_FORMAT, Set.of(ObjectStrategy.values()));
  }

  /** A model with tools but no native JSON-schema output. */
  public static ModelCapabilities toolsOnly() {
    return new ModelCapabilities(
        ObjectStrategy.FORCED_TOOL,
        Set.of(ObjectStrategy.FORCED_TOOL, ObjectStrategy.SCHEMA_IN_PROMPT));
  }
}
