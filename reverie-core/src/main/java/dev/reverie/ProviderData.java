package dev.reverie;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Provider-specific data keyed by provider id ({@code "openai"}, {@code "anthropic"}, …), as
 * Reverie's own immutable JSON objects.
 *
 * <p>The same type carries what a caller sends (provider options on a call, a message, a part or a
 * tool) and what comes back (provider metadata on a response, a finish or a part), because the
 * agent hands the metadata of one turn back as the options of the next (thinking signatures,
 * encrypted reasoning). Typed option records convert to JSON objects with snake_case names. The
 * values are immutable {@link JsonObject}s, handed out as they are: nothing is copied per access,
 * and no Jackson type appears in this API.
 */
public final class ProviderData {
  // Typed options may hold Reverie JSON values (an extra_body, say): written and read as JSON.
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .registerModule(
              new SimpleModule("reverie-json")
                  .addSerializer(
                      JsonValue.class,
                      new StdSerializer<>(JsonValue.class) {
                        @Override
                        public void serialize(
                            JsonValue value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                          generator.writeTree(value.toJsonNode());
                        }
                      })
                  .addDeserializer(
                      JsonObject.class,
                      new StdDeserializer<>(JsonObject.class) {
                        @Override
                        public JsonObject deserialize(JsonParser parser, DeserializationContext c)
                            throws IOException {
                          JsonNode node = parser.readValueAsTree();
                          if (!node.isObject()) {
                            throw c.wrongTokenException(
                                parser, JsonObject.class, JsonToken.START_OBJECT, "an object");
                          }
                          return (JsonObject) JsonValue.fromJsonNode(node);
                        }
                      }));

  /** No provider data. */
  public static final ProviderData EMPTY = new ProviderData(Map.of());

  private final Map<String, JsonObject> entries;

  private ProviderData(Map<String, JsonObject> entries) {
    this.entries = entries;
  }

  /** Data for one provider. */
  public static ProviderData of(String providerId, JsonObject data) {
    return EMPTY.with(providerId, data);
  }

  /**
   * Data for one provider from a typed options record (serialized with snake_case names, null
   * fields left out as the record's annotations say).
   */
  public static ProviderData of(String providerId, Object options) {
    return EMPTY.with(providerId, options);
  }

  /** A copy with {@code data} set for {@code providerId}, replacing what was there. */
  public ProviderData with(String providerId, JsonObject data) {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(data, "data");
    var copy = new LinkedHashMap<>(entries);
    copy.put(providerId, data);
    return new ProviderData(Collections.unmodifiableMap(copy));
  }

  /**
   * A copy with a typed options record set for {@code providerId}.
   *
   * @throws IllegalArgumentException when the options do not serialize to a JSON object
   */
  public ProviderData with(String providerId, Object options) {
    if (options instanceof JsonObject object) return with(providerId, object);
    JsonNode node = options instanceof JsonNode json ? json : MAPPER.valueToTree(options);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("provider data must serialize to a JSON object");
    }
    return with(providerId, (JsonObject) JsonValue.fromJsonNode(node));
  }

  /** A copy where, per provider, the members of {@code other} are set over these. */
  public ProviderData merge(ProviderData other) {
    if (other.isEmpty()) return this;
    if (isEmpty()) return other;
    var copy = new LinkedHashMap<>(entries);
    other.entries.forEach((k, v) -> copy.merge(k, v, ProviderData::mergeMembers));
    return new ProviderData(Collections.unmodifiableMap(copy));
  }

  private static JsonObject mergeMembers(JsonObject base, JsonObject over) {
    var members = new LinkedHashMap<String, JsonValue>();
    for (String name : base.names()) members.put(name, base.get(name).orElseThrow());
    for (String name : over.names()) members.put(name, over.get(name).orElseThrow());
    return JsonObject.of(members);
  }

  /** A copy without the data of {@code providerId}. */
  public ProviderData without(String providerId) {
    if (!entries.containsKey(providerId)) return this;
    var copy = new LinkedHashMap<>(entries);
    copy.remove(providerId);
    return new ProviderData(Collections.unmodifiableMap(copy));
  }

  /** The JSON object stored for {@code providerId}, if any. */
  public Optional<JsonObject> get(String providerId) {
    return Optional.ofNullable(entries.get(providerId));
  }

  /**
   * The data stored for {@code providerId} bound to {@code type} (snake_case names).
   *
   * @throws IllegalArgumentException when the data does not fit {@code type}
   */
  public <T> Optional<T> get(String providerId, Class<T> type) {
    JsonObject data = entries.get(providerId);
    if (data == null) return Optional.empty();
    try {
      return Optional.of(MAPPER.treeToValue(data.toJsonNode(), type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
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

  /**
   * Equal when every provider has the same members, in any order at any depth, the last of
   * duplicate names counting (as JSON objects compare); arrays compare in order.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProviderData other) || !entries.keySet().equals(other.entries.keySet())) {
      return false;
    }
    for (var e : entries.entrySet()) {
      JsonObject mine = e.getValue();
      JsonObject theirs = other.entries.get(e.getKey());
      if (mine != theirs && !mine.toJsonNode().equals(theirs.toJsonNode())) return false;
    }
    return true;
  }

  /** Consistent with {@link #equals}: order-free over providers and members, at any depth. */
  @Override
  public int hashCode() {
    int hash = 0;
    for (var e : entries.entrySet()) {
      hash += e.getKey().hashCode() ^ e.getValue().toJsonNode().hashCode();
    }
    return hash;
  }

  /**
   * The data with the values of secret-looking members ({@code *key*}, {@code *token*}, {@code
   * *secret*}, {@code *password*}, {@code authorization}, {@code byok}) redacted at any depth:
   * options may carry upstream credentials (a gateway's bring-your-own-key), and calls get logged.
   */
  @Override
  public String toString() {
    var out = new StringBuilder("ProviderData{");
    boolean first = true;
    for (var e : entries.entrySet()) {
      if (!first) out.append(", ");
      first = false;
      out.append(e.getKey()).append('=');
      render(e.getValue(), out);
    }
    return out.append('}').toString();
  }

  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile(
          "(?i).*(key|token|secret|password|authorization|credential|byok).*");

  private static void render(JsonValue value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      out.append('{');
      for (int i = 0; i < object.size(); i++) {
        if (i > 0) out.append(',');
        String name = object.nameAt(i);
        out.append('"').append(name).append("\":");
        if (SECRET_NAME.matcher(name).matches()) out.append("\"[redacted]\"");
        else render(object.valueAt(i), out);
      }
      out.append('}');
    } else if (value instanceof dev.reverie.json.JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) out.append(',');
        render(array.get(i), out);
      }
      out.append(']');
    } else {
      out.append(value.toJson());
    }
  }
}
