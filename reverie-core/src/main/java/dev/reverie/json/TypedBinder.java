package dev.reverie.json;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Binds (partial) JSON trees to a Java type, such as a record the model is filling in: missing
 * members are null (a primitive record component zero), incomplete strings show their text so far,
 * and numbers appear once complete.
 *
 * <p>Supported: records (members named after components in snake_case, or by {@code
 * @JsonProperty}), {@code String}, primitive and boxed numbers, {@code BigDecimal}, {@code
 * BigInteger}, {@code Boolean}, enums (by name, ignoring case), {@code Optional<X>}, {@code
 * List<X>}/{@code Collection<X>}/{@code Iterable<X>}, {@code Set<X>}, Java arrays, {@code
 * Map<String, X>}, {@link JsonValue}, Jackson {@code JsonNode} and {@code Object} (plain maps, lists,
 * strings, numbers). Other classes go through Jackson's {@code convertValue} with snake_case names.
 * A value of the wrong kind (a string where an integer belongs) binds to null; reporting such
 * contradictions is the caller's business.
 *
 * <p>Binding successive snapshots of one parse is cheap: results are remembered by node identity,
 * so an unchanged subtree yields the very object bound last time, and lists are lazily bound views
 * whose elements are bound once. Only results from the previous bind are remembered. Lists and maps
 * returned are unmodifiable; arrays, {@code JsonNode}s and other mutable results may be shared
 * with later results and must not be modified.
 *
 * <p>Make one binder per stream. {@link #bind} must be called from one thread at a time; the lists
 * it returns may be read from any thread.
 */
public final class TypedBinder<T> {
  private final Type type;
  private final BindingRegistry registry;
  private final Binding root;

  private TypedBinder(Type type) {
    this.type = Objects.requireNonNull(type, "type");
    this.registry = new BindingRegistry();
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
    registry.generation++;
    return (T) root.bindOrAbsent(value);
  }
}
