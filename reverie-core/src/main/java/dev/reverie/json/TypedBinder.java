package dev.reverie.json;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Binds (partial) JSON trees to a Java type, such as a record the model is filling in: missing
 * members are null (a primitive record component zero), incomplete strings show their text so far,
 * and numbers appear once complete.
 *
 * <p>Supported: records (members named after components in snake_case, or by
 * {@code @JsonProperty}), {@code String}, primitive and boxed numbers, {@code BigDecimal}, {@code
 * BigInteger}, {@code Boolean}, enums (by name, ignoring case), {@code Optional<X>}, {@code
 * List<X>}/{@code Collection<X>}/{@code Iterable<X>}, {@code Set<X>}, Java arrays, {@code
 * Map<String, X>}, {@link JsonValue}, Jackson {@code JsonNode} and {@code Object} (plain maps,
 * lists, strings, numbers). Other classes go through Jackson's {@code convertValue} with snake_case
 * names. A value of the wrong kind (a string where an integer belongs) binds to null; reporting
 * such contradictions is the caller's business.
 *
 * <p>Binding successive snapshots of one parse is cheap: the result for each object or array is
 * remembered on the (immutable, shared) node itself, so an unchanged subtree yields the very object
 * bound last time, and lists are lazily bound views. The binder itself keeps nothing: what it
 * remembers lives exactly as long as the trees it bound (or, for {@link #bindCurrent}, as long as
 * the parser's open containers it bound). Lists and maps returned are unmodifiable; arrays, {@code
 * JsonNode}s and other mutable results may be shared with later results and must not be modified.
 *
 * <p>Thread-safe: {@link #bind} may be called from any thread, and what either method returns may
 * be read from any thread; {@link #bindCurrent} runs on the thread that feeds the parser, like the
 * parser itself. Keep one binder per target type and stream: results are remembered per binder, so
 * two binders of the same type bound to the same tree take turns recomputing.
 */
public final class TypedBinder<T> {
  private final Type type;
  private final Binding root;

  private TypedBinder(Type type) {
    this.type = Objects.requireNonNull(type, "type");
    BindingRegistry registry = new BindingRegistry();
    this.root = registry.bindingFor(registry.types.constructType(type));
  }

  /** A binder to {@code type}. */
  public static <T> TypedBinder<T> of(Class<T> type) {
    return new TypedBinder<>(type);
  }

  /** A binder to a generic type such as {@code List<Book>}. */
  public static <T> TypedBinder<T> of(Type type) {
    return new TypedBinder<>(type);
  }

  /** The target type. */
  public Type type() {
    return type;
  }

  /**
   * The value bound to the target type, null when its kind does not fit.
   *
   * @throws JsonBindingException when a complete value is rejected by the type (its constructor)
   */
  @SuppressWarnings("unchecked")
  public T bind(JsonValue value) {
    Objects.requireNonNull(value, "value");
    return (T) root.bindOrAbsent(value);
  }

  /**
   * The value {@code parser} is reading, bound to the target type: equal to {@code
   * bind(parser.snapshot().orElseThrow())}, but records read their finished members from arguments
   * kept while the parser is inside them, so a partial after each delta costs no snapshot of an
   * open record and no walk over its members.
   *
   * @throws IllegalStateException when the parser shows no value yet ({@link
   *     IncrementalJsonParser#snapshot()} is empty: nothing started, or only a number or literal at
   *     the root still being read)
   * @throws JsonBindingException when a complete value is rejected by the type (its constructor)
   */
  @SuppressWarnings("unchecked")
  public T bindCurrent(IncrementalJsonParser parser) {
    Objects.requireNonNull(parser, "parser");
    return (T) OpenPath.bind(root, parser);
  }
}
