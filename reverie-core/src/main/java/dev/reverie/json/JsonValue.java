package dev.reverie.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An immutable JSON value that may still be being written: a node of the trees an {@link
 * IncrementalJsonParser} hands out as snapshots.
 *
 * <p>Strings, objects and arrays carry a {@link #complete()} flag that is false while the model is
 * still writing them; numbers, booleans and null are always complete (they only appear once
 * complete). Snapshots share unchanged subtrees: a node that did not change between two snapshots
 * is the same instance in both, so identity ({@code ==}) is a cheap "unchanged" test. {@code
 * equals} and {@code hashCode} are value-based (kind, content and completeness; object members in
 * order; numbers by numeric value) and never recurse on the Java stack.
 *
 * <p>Instances are safe to share between threads.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** Which of the six JSON kinds this is. */
  JsonKind kind();

  /** False while the value is still being written (an open string, object or array). */
  boolean complete();

  default boolean isObject() {
    return kind() == JsonKind.OBJECT;
  }

  default boolean isArray() {
    return kind() == JsonKind.ARRAY;
  }

  default boolean isString() {
    return kind() == JsonKind.STRING;
  }

  default boolean isNumber() {
    return kind() == JsonKind.NUMBER;
  }

  default boolean isBoolean() {
    return kind() == JsonKind.BOOLEAN;
  }

  default boolean isNull() {
    return kind() == JsonKind.NULL;
  }

  /**
   * The value at an RFC 6901 JSON Pointer relative to this one ({@code ""} is this value, {@code
   * "/genres/0"} the first genre); empty when there is nothing there (yet) or the pointer is
   * malformed.
   */
  default Optional<JsonValue> at(String pointer) {
    return JsonPointer.resolve(this, pointer);
  }

  /**
   * A Jackson tree of this value as it stands (incomplete parts closed). Integers become {@code
   * IntNode}/{@code LongNode}/{@code BigIntegerNode} and other numbers {@code DecimalNode}, as the
   * shared mapper with {@code USE_BIG_DECIMAL_FOR_FLOATS} reads them. A new, independent tree on
   * each call.
   */
  default JsonNode toJsonNode() {
    return JsonTrees.toJsonNode(this);
  }

  /**
   * As {@link #toJsonNode()}, reusing (and adding to) the trees {@code cache} holds for containers
   * converted before; the result shares them, so it must not be modified.
   */
  default JsonNode toJsonNode(JsonNodeCache cache) {
    return JsonTrees.toJsonNode(this, cache);
  }

  /** Compact JSON text of this value as it stands (open strings and containers closed). */
  default String toJson() {
    return JsonTrees.write(this);
  }

  /**
   * Parses one complete JSON value with {@link JsonReadLimits#DEFAULT}, with the same leniency as
   * the incremental parser (a leading code fence and trailing text are ignored).
   *
   * @throws JsonSyntaxException when the text is not JSON or the value is unfinished
   * @throws dev.reverie.error.JsonLimitException when a read limit is exceeded
   */
  static JsonValue parse(CharSequence text) {
    return parse(text, JsonReadLimits.DEFAULT);
  }

  /** As {@link #parse(CharSequence)}, with the given limits. */
  static JsonValue parse(CharSequence text, JsonReadLimits limits) {
    IncrementalJsonParser parser = new IncrementalJsonParser(limits);
    parser.feed(text);
    parser.endOfInput();
    if (!parser.isComplete()) {
      throw new JsonSyntaxException("unexpected end of input", parser.consumed());
    }
    return parser.snapshot().orElseThrow();
  }

  /** The complete value equivalent to a Jackson tree (missing or null node: JSON null). */
  static JsonValue fromJsonNode(JsonNode node) {
    return JsonTrees.fromJsonNode(node);
  }
}
