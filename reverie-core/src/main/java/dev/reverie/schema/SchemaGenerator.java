package dev.reverie.schema;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates the JSON schema sent to a model for a Java type, so that a user's record can describe
 * the structured object they want back.
 *
 * <p>Rules (kept small and predictable so the schema always matches what the Jackson binder reads
 * back):
 *
 * <ul>
 *   <li><b>Properties</b>: record components in declaration order; for other classes their
 *       non-static, non-transient fields. A property is named by {@code @JsonProperty("name")} when
 *       present, otherwise by the snake_case of its Java name ({@code publishedYear} → {@code
 *       published_year}, Jackson's {@link PropertyNamingStrategies#SNAKE_CASE}). Fields marked
 *       {@code @JsonIgnore} are left out.
 *   <li><b>Required</b>: every property is required, including boxed and collection types. The only
 *       way to make one optional is {@code @JsonProperty(isRequired = OptBoolean.FALSE)}; an
 *       optional property keeps its plain type here and becomes nullable in {@link
 *       StrictSchemas#forOpenAiStrict}. (Jackson's boolean {@code required} attribute cannot tell
 *       "not annotated" from "false", so it is not consulted.)
 *   <li><b>Types</b>: {@code String}, {@code char}, {@code byte[]} and well-known value types
 *       ({@code UUID}, {@code java.time.*}…) → {@code string}; {@code byte}, {@code short}, {@code
 *       int}, {@code long}, their boxes and {@code BigInteger} → {@code integer}; {@code float},
 *       {@code double}, their boxes and {@code BigDecimal} → {@code number}; {@code boolean} →
 *       {@code boolean}; enums → {@code string} with {@code enum} (constant names, or their
 *       {@code @JsonProperty} names); collections and arrays → {@code array} with {@code items};
 *       {@code Map<String, X>} → {@code object} with {@code additionalProperties: X}; {@code
 *       JsonNode} and {@code Object} → {@code {}} (any value); {@code Optional<X>} → X or {@code
 *       null}; other classes → {@code object}.
 *   <li><b>Nesting</b>: nested types are written inline. Only a type that contains itself (directly
 *       or through others) goes to {@code $defs} and is referenced with {@code $ref}; a type that
 *       contains the top-level type refers to it as {@code "#"}.
 *   <li><b>Descriptions</b> come from {@link Description}: on a property it sits next to the
 *       property's type; on a class it describes the class wherever no property description
 *       overrides it.
 *   <li>No {@code $schema}, {@code title}, {@code format}, {@code additionalProperties} on objects
 *       or any other keyword beyond those above; provider-specific needs such as OpenAI's {@code
 *       additionalProperties: false} are added by {@link StrictSchemas}.
 * </ul>
 *
 * <p>Thread-safe; results are cached per type and every call returns a fresh copy the caller may
 * modify.
 */
public final class SchemaGenerator {
  private static final String DEFS_PREFIX = "#/$defs/";
  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
  private static final com.github.victools.jsonschema.generator.SchemaGenerator GENERATOR =
      new com.github.victools.jsonschema.generator.SchemaGenerator(configuration());
  private static final Map<Type, ObjectNode> CACHE = new ConcurrentHashMap<>();

  private SchemaGenerator() {}

  /**
   * The JSON schema for values of {@code type}, following the rules in the class comment.
   *
   * @param type a class or a parameterized type such as {@code List<Book>}
   * @return a new schema object owned by the caller
   */
  public static ObjectNode schemaFor(Type type) {
    ObjectNode cached = CACHE.get(type);
    if (cached == null) {
      ObjectNode generated;
      // victools keeps per-generation state in its configuration; one generation at a time.
      synchronized (GENERATOR) {
        generated = inlineNonRecursiveDefinitions(GENERATOR.generateSchema(type));
      }
      CACHE.putIfAbsent(type, generated);
      cached = CACHE.get(type);
    }
    return cached.deepCopy();
  }

  /** The JSON property name Reverie uses for a Java field or record component. */
  public static String propertyName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    if (property != null && !property.value().isEmpty()) {
      return property.value();
    }
    return SNAKE_CASE.translate(field.getName());
  }

  private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig configuration() {
    var options =
        new OptionPreset(
            Option.ADDITIONAL_FIXED_TYPES,
            Option.FLATTENED_ENUMS,
            Option.FLATTENED_OPTIONALS,
            Option.PUBLIC_NONSTATIC_FIELDS,
            Option.NONPUBLIC_NONSTATIC_FIELDS_WITH_GETTERS,
            Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS,
            Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
            Option.PLAIN_DEFINITION_KEYS,
            Option.ALLOF_CLEANUP_AT_THE_END,
            Option.DUPLICATE_MEMBER_ATTRIBUTE_CLEANUP_AT_THE_END);
    var builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, options);
    builder
        .forFields()
        .withIgnoreCheck(SchemaGenerator::isIgnored)
        .withPropertyNameOverrideResolver(field -> propertyName(field.getRawMember()))
        .withRequiredCheck(field -> !isOptional(field))
        .withDescriptionResolver(
            field -> field.isFakeContainerItemScope() ? null : description(field));
    builder
        .forTypesInGeneral()
        .withDescriptionResolver(
            scope -> {
              Description description =
                  scope.getType().getErasedType().getAnnotation(Description.class);
              return description == null ? null : description.value();
            })
        .withCustomDefinitionProvider(SchemaGenerator::customDefinition)
        .withPropertySorter(declarationOrder());
    return builder.build();
  }

  private static boolean isIgnored(FieldScope field) {
    Field raw = field.getRawMember();
    if (raw.isSynthetic() || Modifier.isStatic(raw.getModifiers()) || field.isTransient()) {
      return true;
    }
    JsonIgnore ignore = raw.getAnnotation(JsonIgnore.class);
    return ignore != null && ignore.value();
  }

  private static boolean isOptional(FieldScope field) {
    JsonProperty property = field.getRawMember().getAnnotation(JsonProperty.class);
    return property != null && property.isRequired() == OptBoolean.FALSE;
  }

  private static String description(FieldScope field) {
    Description description = field.getAnnotationConsideringFieldAndGetter(Description.class);
    return description == null ? null : description.value();
  }

  /** Record components in declaration order; other members keep the order victools found. */
  private static Comparator<MemberScope<?, ?>> declarationOrder() {
    return Comparator.comparingInt(SchemaGenerator::declarationIndex);
  }

  private static int declarationIndex(MemberScope<?, ?> member) {
    Class<?> owner = member.getRawMember().getDeclaringClass();
    if (owner.isRecord()) {
      RecordComponent[] components = owner.getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        if (components[i].getName().equals(member.getDeclaredName())) {
          return i;
        }
      }
    }
    return 0;
  }

  private static CustomDefinition customDefinition(
      ResolvedType javaType, SchemaGenerationContext context) {
    Class<?> erased = javaType.getErasedType();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (erased == byte[].class || erased == char.class || erased == Character.class) {
      // Jackson writes byte[] as base64 text and char as a one-letter string.
      return inline(nodes.objectNode().put("type", "string"));
    }
    if (erased == byte.class || erased == Byte.class) {
      // victools treats a single byte as text; Jackson writes it as a number.
      return inline(nodes.objectNode().put("type", "integer"));
    }
    if (JsonNode.class.isAssignableFrom(erased) || erased == Object.class) {
      return inline(nodes.objectNode());
    }
    if (erased.isEnum()) {
      ObjectNode schema = nodes.objectNode().put("type", "string");
      ArrayNode values = schema.putArray("enum");
      for (Object constant : erased.getEnumConstants()) {
        values.add(enumConstantName((Enum<?>) constant));
      }
      return inline(schema);
    }
    return null;
  }

  private static CustomDefinition inline(ObjectNode schema) {
    return new CustomDefinition(
        schema, CustomDefinition.INLINE_DEFINITION, CustomDefinition.INCLUDING_ATTRIBUTES);
  }

  private static String enumConstantName(Enum<?> constant) {
    try {
      JsonProperty property =
          constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
      if (property != null && !property.value().isEmpty()) {
        return property.value();
      }
    } catch (NoSuchFieldException e) {
      // Not reachable for a real enum constant; fall back to its name.
    }
    return constant.name();
  }

  /**
   * Writes every {@code $defs} entry that is not part of a reference cycle inline at each place
   * that refers to it, and keeps only the recursive ones in {@code $defs}.
   */
  static ObjectNode inlineNonRecursiveDefinitions(ObjectNode schema) {
    JsonNode defsNode = schema.remove("$defs");
    if (!(defsNode instanceof ObjectNode defs) || defs.isEmpty()) {
      return schema;
    }
    Map<String, Set<String>> references = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : defs.properties()) {
      Set<String> targets = new LinkedHashSet<>();
      collectReferences(entry.getValue(), targets);
      references.put(entry.getKey(), targets);
    }
    Set<String> recursive = new HashSet<>();
    for (String name : references.keySet()) {
      if (reaches(references, name, name)) {
        recursive.add(name);
      }
    }
    ObjectNode result = (ObjectNode) inline(schema, defs, recursive);
    Set<String> kept = new LinkedHashSet<>();
    collectReferences(result, kept);
    // Recursive definitions may refer to further recursive ones; keep the closure.
    var pending = new ArrayDeque<>(kept);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      Set<String> more = new LinkedHashSet<>();
      collectReferences(inline(defs.get(name), defs, recursive), more);
      for (String next : more) {
        if (kept.add(next)) {
          pending.push(next);
        }
      }
    }
    if (!kept.isEmpty()) {
      ObjectNode keptDefs = result.putObject("$defs");
      for (Iterator<String> names = defs.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (kept.contains(name)) {
          keptDefs.set(name, inline(defs.get(name), defs, recursive));
        }
      }
    }
    return result;
  }

  private static JsonNode inline(JsonNode node, ObjectNode defs, Set<String> recursive) {
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(element -> copy.add(inline(element, defs, recursive)));
      return copy;
    }
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    String name = definitionName(object.get("$ref"));
    if (name != null && defs.has(name) && !recursive.contains(name)) {
      ObjectNode merged = (ObjectNode) inline(defs.get(name), defs, recursive);
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        if (!entry.getKey().equals("$ref")) {
          merged.set(entry.getKey(), inline(entry.getValue(), defs, recursive));
        }
      }
      return merged;
    }
    ObjectNode copy = object.objectNode();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      copy.set(entry.getKey(), inline(entry.getValue(), defs, recursive));
    }
    return copy;
  }

  private static void collectReferences(JsonNode node, Set<String> into) {
    if (node == null) {
      return;
    }
    String name = definitionName(node.get("$ref"));
    if (name != null) {
      into.add(name);
    }
    node.forEach(child -> collectReferences(child, into));
  }

  private static boolean reaches(Map<String, Set<String>> references, String from, String target) {
    Set<String> seen = new HashSet<>();
    var pending = new ArrayDeque<>(references.getOrDefault(from, Set.of()));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next)) {
        pending.addAll(references.getOrDefault(next, Set.of()));
      }
    }
    return false;
  }

  private static String definitionName(JsonNode ref) {
    if (ref == null || !ref.isTextual() || !ref.asText().startsWith(DEFS_PREFIX)) {
      return null;
    }
    return ref.asText().substring(DEFS_PREFIX.length()).replace("~1", "/").replace("~0", "~");
  }
}
