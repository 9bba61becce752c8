package dev.reverie;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.internal.json.Json;
import dev.reverie.json.IncrementalJsonParser;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.json.TypedBinder;
import dev.reverie.schema.Description;
import dev.reverie.schema.SchemaGenerator;
import dev.reverie.schema.SchemaValidator;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The shape of an object to generate: a JSON schema, a name and description for the model, and how
 * to bind JSON to the Java type {@code T}.
 *
 * <p>{@link #of(Class)} derives the schema from a record or class (property names in snake_case,
 * descriptions from {@link Description}); {@link #json(JsonObject)} takes a schema as it is and
 * yields untyped {@link JsonValue} trees.
 */
public final class ObjectSchema<T> {
  // Generating a schema with victools costs far more than a small object's whole stream; the
  // result is immutable (and the binder thread-safe), so each class's is made once.
  private static final ClassValue<ObjectSchema<?>> OF_CLASS =
      new ClassValue<>() {
        @Override
        protected ObjectSchema<?> computeValue(Class<?> type) {
          return generate(type);
        }
      };

  private final JsonObject schema;
  private final String name;
  private final String description;
  private final TypedBinder<T> binder;
  // Compiled on first use and kept: compiling is pure, so a race only compiles twice.
  private volatile SchemaValidator validator;

  private ObjectSchema(JsonObject schema, String name, String description, TypedBinder<T> binder) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.name = Objects.requireNonNull(name, "name");
    this.description = description == null ? "" : description;
    this.binder = binder;
  }

  /** The schema of a record or class; named after its simple name. Made once per class. */
  @SuppressWarnings("unchecked")
  public static <T> ObjectSchema<T> of(Class<T> type) {
    return (ObjectSchema<T>) OF_CLASS.get(type);
  }

  private static <T> ObjectSchema<T> generate(Class<T> type) {
    Description d = type.getAnnotation(Description.class);
    ObjectNode schema = SchemaGenerator.schemaFor(type);
    // The type's description describes the object to the model once, as the schema's description
    // (the response format's or the forced tool's), not again inside the schema.
    if (d != null && d.value().equals(schema.path("description").asText()))
      schema.remove("description");
    return new ObjectSchema<>(
        Json.value(schema), type.getSimpleName(), d == null ? "" : d.value(), TypedBinder.of(type));
  }

  /** The schema of a generic type such as {@code List<Book>}. */
  public static <T> ObjectSchema<T> of(Type type, String name) {
    @SuppressWarnings("unchecked")
    TypedBinder<T> binder = (TypedBinder<T>) TypedBinder.of(type);
    return new ObjectSchema<>(Json.value(SchemaGenerator.schemaFor(type)), name, "", binder);
  }

  /** An untyped schema: objects come back as {@link JsonValue} trees. */
  public static ObjectSchema<JsonValue> json(JsonObject schema) {
    return new ObjectSchema<>(schema, "response", "", TypedBinder.of(JsonValue.class));
  }

  /** A copy with another name (shown to the model, e.g. as the forced tool's name). */
  public ObjectSchema<T> named(String newName) {
    return new ObjectSchema<>(schema, newName, description, binder);
  }

  /** A copy with a description of the object for the model. */
  public ObjectSchema<T> describedAs(String newDescription) {
    return new ObjectSchema<>(schema, name, newDescription, binder);
  }

  /** The JSON schema. */
  public JsonObject schema() {
    return schema;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /**
   * The validator of this schema, compiled once.
   *
   * @throws dev.reverie.schema.InvalidSchemaException when the schema cannot be compiled
   */
  SchemaValidator validator() {
    SchemaValidator compiled = validator;
    if (compiled == null) {
      compiled = SchemaValidator.of(Json.node(schema));
      validator = compiled;
    }
    return compiled;
  }

  /** Binds a (possibly partial) tree to {@code T}; missing fields are null. */
  public T bind(JsonValue value) {
    return binder.bind(value);
  }

  /** Binds the value {@code parser} is reading, as {@link TypedBinder#bindCurrent} does. */
  T bindCurrent(IncrementalJsonParser parser) {
    return binder.bindCurrent(parser);
  }

  @Override
  public String toString() {
    return "ObjectSchema[" + name + "]";
  }
}
