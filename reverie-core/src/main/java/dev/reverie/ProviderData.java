package dev.reverie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Provider-specific data keyed by provider id ({@code "openai"}, {@code "anthropic"}, …).
 *
 * <p>The same type carries what a caller sends (provider options on a call, a message or a part)
 * and what comes back (provider metadata on a response or a part), because the agent hands the
 * metadata of one turn back as the options of the next (thinking signatures, encrypted reasoning).
 * Values are JSON objects; typed option records convert to and from them with snake_case names.
 * Instances are immutable: nodes are deep-copied on the way in and on the way out.
 */
public final class ProviderData {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  /** No provider data. */
  public static final ProviderData EMPTY = new ProviderData(Map.of());

  private final Map<String, ObjectNode> entries;

  private ProviderData(Map<String, ObjectNode> entries) {
    this.entries = entries;
  }

  /** Data for one provider, from a JSON object. */
  public static ProviderData of(String providerId, ObjectNode data) {
    return EMPTY.with(providerId, data);
  }

  /** Data for one provider, from a typed options record (serialized with snake_case names). */
  public static ProviderData of(String providerId, Object options) {
    return EMPTY.with(providerId, options);
  }

  /** A copy with {@code data} set for {@code providerId}, replacing what was there. */
  public ProviderData with(String providerId, ObjectNode data) {
    var copy = new LinkedHashMap<>(entries);
    copy.put(providerId, data.deepCopy());
    return new ProviderData(Collections.unmodifiableMap(copy));
  }

  /** A copy with a typed options record set for {@code providerId}. */
  public ProviderData with(String providerId, Object options) {
    JsonNode node = options instanceof JsonNode json ? json : MAPPER.valueToTree(options);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("provider data must serialize to a JSON object");
    }
    return with(providerId, object);
  }

  /** A copy where, per provider, the fields of {@code other} are merged over these. */
  public ProviderData merge(ProviderData other) {
    if (other.isEmpty()) return this;
    if (isEmpty()) return other;
    var copy = new LinkedHashMap<String, ObjectNode>();
    entries.forEach((k, v) -> copy.put(k, v.deepCopy()));
    other.entries.forEach(
        (k, v) -> copy.merge(k, v.deepCopy(), (a, b) -> (ObjectNode) a.setAll(b)));
    return new ProviderData(Collections.unmodifiableMap(copy));
  }

  /** A copy without the data of {@code providerId}. */
  public ProviderData without(String providerId) {
    if (!entries.containsKey(providerId)) return this;
    var copy = new LinkedHashMap<>(entries);
    copy.remove(providerId);
    return new ProviderData(Collections.unmodifiableMap(copy));
  }

  /** The JSON object stored for {@code providerId} (a copy), if any. */
  public Optional<ObjectNode> get(String providerId) {
    ObjectNode node = entries.get(providerId);
    return node == null ? Optional.empty() : Optional.of(node.deepCopy());
  }

  /** The data stored for {@code providerId} bound to {@code type} (snake_case names). */
  public <T> Optional<T> get(String providerId, Class<T> type) {
    ObjectNode node = entries.get(providerId);
    if (node == null) return Optional.empty();
    try {
      return Optional.of(MAPPER.treeToValue(node, type));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "provider data for '" + providerId + "' does not fit " + type.getSimpleName(), e);
    }
  }

  /** Provider ids with data. */
  public Set<String> providerIds() {
    return entries.keySet();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProviderData other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "ProviderData" + entries;
  }
}
