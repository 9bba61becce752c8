package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One schema object turned into fields ready for validation, built by {@link SchemaCompiler}.
 * Absent keywords are {@code null} (or empty lists); a compiled schema is not changed after
 * compilation finishes, so it may be shared between threads.
 */
final class CompiledSchema {
  /** The JSON schema type names. */
  enum Type {
    // Declared in the order messages list them ("string or null").
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    OBJECT("object"),
    ARRAY("array"),
    NULL("null");

    final String schemaName;

    Type(String schemaName) {
      this.schemaName = schemaName;
    }

    static Type named(String name) {
      for (Type type : values()) {
        if (type.schemaName.equals(name)) {
          return type;
        }
      }
      return null;
    }

    boolean accepts(SchemaType kind) {
      return switch (this) {
        case NULL -> kind == SchemaType.NULL;
        case BOOLEAN -> kind == SchemaType.BOOLEAN;
        case OBJECT -> kind == SchemaType.OBJECT;
        case ARRAY -> kind == SchemaType.ARRAY;
        case NUMBER -> kind == SchemaType.INTEGER || kind == SchemaType.NUMBER;
        case INTEGER -> kind == SchemaType.INTEGER;
        case STRING -> kind == SchemaType.STRING;
      };
    }
  }

  /** A {@code $ref}, resolved once the whole schema is compiled (it may point to an ancestor). */
  static final class Reference {
    final String pointer;
    CompiledSchema target;

    Reference(String pointer) {
      this.pointer = pointer;
    }
  }

  /** Where this schema sits in the schema document, for error messages about the schema. */
  final String location;

  /** The boolean schema {@code false}: nothing is valid. */
  final boolean rejectsEverything;

  /** {@code null} when any type is allowed. */
  final Set<Type> types;

  /**
   * The value kinds {@link #types} accepts, as a bit mask by {@link SchemaType} ordinal (every kind
   * when {@code types} is null): one test per check instead of a walk over the set.
   */
  final int acceptedKinds;

  /** OpenAPI's {@code nullable: true}: {@code null} is valid whatever the other keywords say. */
  final boolean nullable;

  final List<JsonNode> enumValues;
  final JsonNode constValue;

  final BigDecimal minimum;
  final BigDecimal maximum;
  final BigDecimal exclusiveMinimum;
  final BigDecimal exclusiveMaximum;
  final BigDecimal multipleOf;

  final Integer minLength;
  final Integer maxLength;
  final Pattern pattern;

  final Integer minItems;
  final Integer maxItems;
  final boolean uniqueItems;
  final List<CompiledSchema> prefixItems;
  final CompiledSchema items;

  final Map<String, CompiledSchema> properties;
  final List<String> required;

  /** {@code null} when additional properties are unrestricted. */
  final CompiledSchema additionalProperties;

  final Reference reference;
  final List<CompiledSchema> allOf;
  final List<CompiledSchema> anyOf;
  final List<CompiledSchema> oneOf;

  /** A {@code patternProperties} entry: properties whose names match get this schema. */
  record PatternProperty(Pattern pattern, CompiledSchema schema) {}

  // The keywords below are set by the compiler right after construction, before the schema is
  // published; absent ones stay null or empty.

  /** {@code pattern} as the schema spells it (ECMA-262), for messages. */
  String patternSource;

  CompiledSchema not;
  CompiledSchema ifSchema;
  CompiledSchema thenSchema;
  CompiledSchema elseSchema;
  List<PatternProperty> patternProperties = List.of();
  Map<String, List<String>> dependentRequired = Map.of();
  Map<String, CompiledSchema> dependentSchemas = Map.of();
  Integer minProperties;
  Integer maxProperties;
  CompiledSchema propertyNames;
  CompiledSchema contains;
  Integer minContains;
  Integer maxContains;

  /**
   * Whether this schema has keywords that apply to the value as a whole and that checks of a value
   * still being written do not follow ({@code not}, {@code if}, {@code dependentSchemas}, {@code
   * contains}…): they only ever add violations when the value is complete.
   */
  boolean hasWholeValueKeywords() {
    return not != null
        || ifSchema != null
        || !dependentRequired.isEmpty()
        || !dependentSchemas.isEmpty()
        || minProperties != null
        || maxProperties != null
        || propertyNames != null
        || contains != null;
  }

  CompiledSchema(
      String location,
      boolean rejectsEverything,
      Set<Type> types,
      boolean nullable,
      List<JsonNode> enumValues,
      JsonNode constValue,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal exclusiveMinimum,
      BigDecimal exclusiveMaximum,
      BigDecimal multipleOf,
      Integer minLength,
      Integer maxLength,
      Pattern pattern,
      Integer minItems,
      Integer maxItems,
      boolean uniqueItems,
      List<CompiledSchema> prefixItems,
      CompiledSchema items,
      Map<String, CompiledSchema> properties,
      List<String> required,
      CompiledSchema additionalProperties,
      Reference reference,
      List<CompiledSchema> allOf,
      List<CompiledSchema> anyOf,
      List<CompiledSchema> oneOf) {
    this.location = location;
    this.rejectsEverything = rejectsEverything;
    this.types = types == null ? null : Collections.unmodifiableSet(EnumSet.copyOf(types));
    this.acceptedKinds = kindMask(this.types);
    this.nullable = nullable;
    this.enumValues = enumValues;
    this.constValue = constValue;
    this.minimum = minimum;
    this.maximum = maximum;
    this.exclusiveMinimum = exclusiveMinimum;
    this.exclusiveMaximum = exclusiveMaximum;
    this.multipleOf = multipleOf;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.pattern = pattern;
    this.minItems = minItems;
    this.maxItems = maxItems;
    this.uniqueItems = uniqueItems;
    this.prefixItems = prefixItems;
    this.items = items;
    this.properties = properties;
    this.required = required;
    this.additionalProperties = additionalProperties;
    this.reference = reference;
    this.allOf = allOf;
    this.anyOf = anyOf;
    this.oneOf = oneOf;
  }

  private static int kindMask(Set<Type> types) {
    int mask = 0;
    for (SchemaType kind : SchemaType.values()) {
      boolean accepted = types == null;
      if (!accepted) {
        for (Type type : types) accepted |= type.accepts(kind);
      }
      if (accepted) mask |= 1 << kind.ordinal();
    }
    return mask;
  }

  /**
   * Whether a string, number or boolean of a kind this schema accepts is valid here whatever its
   * value: the schema asks nothing of scalars but their kind.
   */
  boolean asksScalarsOnlyTheirKind() {
    return !rejectsEverything
        && enumValues == null
        && constValue == null
        && minimum == null
        && maximum == null
        && exclusiveMinimum == null
        && exclusiveMaximum == null
        && multipleOf == null
        && minLength == null
        && maxLength == null
        && pattern == null
        && reference == null
        && allOf.isEmpty()
        && !hasAlternatives()
        && not == null
        && ifSchema == null;
  }

  /** Whether this schema has {@code oneOf} or {@code anyOf} alternatives. */
  boolean hasAlternatives() {
    return !oneOf.isEmpty() || !anyOf.isEmpty();
  }

  /** Whether {@link #types} accepts a value of {@code kind}. */
  boolean accepts(SchemaType kind) {
    return (acceptedKinds & (1 << kind.ordinal())) != 0;
  }

  /** Schemas applied to the same value as this one: the reference target and composition. */
  List<CompiledSchema> sameValueSchemas() {
    var result = new ArrayList<CompiledSchema>(allOf);
    result.addAll(anyOf);
    result.addAll(oneOf);
    if (reference != null && reference.target != null) {
      result.add(reference.target);
    }
    for (CompiledSchema schema : new CompiledSchema[] {not, ifSchema, thenSchema, elseSchema}) {
      if (schema != null) result.add(schema);
    }
    result.addAll(dependentSchemas.values());
    return result;
  }
}
