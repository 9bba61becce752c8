package dev.reverie.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.error.StreamProtocolException;

/** The shared Jackson mapper for wire JSON, with read limits, and small helpers around it. */
public final class Json {
  /** Wire mapper: exact decimals, bounded nesting, unknown properties ignored. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(500)
                .maxStringLength(64 * 1024 * 1024)
                .maxDocumentLength(256L * 1024 * 1024)
                .build());
  }

  /**
   * A factory for parsers that read one value after another for a whole stream (a chat stream's
   * chunks through one parser): the per-value limits of {@link #MAPPER}, but no limit on the total
   * length, since a stream may run as long as its caller lets it. Each value is bounded by the
   * frame reader's limit on one event.
   */
  public static final JsonFactory STREAM_FACTORY =
      MAPPER
          .getFactory()
          .copy()
          .setStreamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(500)
                  .maxStringLength(64 * 1024 * 1024)
                  .maxDocumentLength(0)
                  .build());

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Whether a byte (or char) is JSON whitespace: space, tab, line feed or carriage return. */
  public static boolean isWhitespace(int b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  /**
   * Parses wire JSON; a syntax error becomes a {@link StreamProtocolException} naming {@code what}.
   */
  public static JsonNode parse(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new StreamProtocolException(
          what + " is not valid JSON: " + e.getOriginalMessage() + " in: " + abbreviate(text), e);
    }
  }

  /** Serializes without pretty printing. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The provider data stored for {@code key}, as a Jackson tree for wire code (a fresh tree the
   * caller owns); empty when there is none.
   */
  public static java.util.Optional<ObjectNode> node(dev.reverie.ProviderData data, String key) {
    return data.get(key).map(o -> (ObjectNode) o.toJsonNode());
  }

  /** A Jackson tree of a Reverie JSON object, for wire code (a fresh tree the caller owns). */
  public static ObjectNode node(dev.reverie.json.JsonObject object) {
    return (ObjectNode) object.toJsonNode();
  }

  /** A Reverie JSON object of a Jackson object tree (copied; the tree may change afterwards). */
  public static dev.reverie.json.JsonObject value(ObjectNode node) {
    return (dev.reverie.json.JsonObject) dev.reverie.json.JsonValue.fromJsonNode(node);
  }

  /** The text of a field, or empty when absent or null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** Shortens text for error messages. */
  public static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
