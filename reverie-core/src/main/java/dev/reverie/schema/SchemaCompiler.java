package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a JSON schema document into {@link CompiledSchema} objects once, so that validating many
 * values (or many streamed fragments) does not re-read the schema.
 *
 * <p>Keywords outside the supported subset ({@code format}, {@code title}, {@code default}, {@code
 * patternProperties}…) are ignored, as most validators ignore annotations. References must be local
 * ({@code #}, {@code #/$defs/…}, {@code #/definitions/…} or any other JSON Pointer into the same
 * document).
 */
final class SchemaCompiler {
  /** Schema documents nested deeper than this are refused rather than risking the stack. */
  static final int MAX_SCHEMA_DEPTH = 256;

  private final JsonNode root;
  private final Map<JsonNode, CompiledSchema> compiled = new IdentityHashMap<>();
  private final Deque<CompiledSchema.Reference> unresolved = new ArrayDeque<>();
  // Where a schema inside the document sets its own $id (a new base URI), if any does.
  private String nestedId;
  private boolean hasReferences;

  private SchemaCompiler(JsonNode root) {
    this.root = root;
  }

  /**
   * Compiles {@code schema} and every schema it references.
   *
   * @throws InvalidSchemaException when the schema cannot be used
   */
  static CompiledSchema compile(JsonNode schema) {
    if (schema == null || !(schema.isObject() || schema.isBoolean())) {
      throw new InvalidSchemaException("a JSON schema must be an object or a boolean");
    }
    var compiler = new SchemaCompiler(schema);
    CompiledSchema result = compiler.compile(schema, "#", 0);
    while (!compiler.unresolved.isEmpty()) {
      CompiledSchema.Reference reference = compiler.unresolved.pop();
      JsonNode target = compiler.resolve(reference.pointer, "#");
      reference.target = compiler.compile(target, reference.pointer, 0);
    }
    if (compiler.nestedId != null && compiler.hasReferences) {
      throw new InvalidSchemaException(
          "the keyword \"$id\" at "
              + compiler.nestedId
              + " changes the base URI inside the schema, which references do not follow yet");
    }
    rejectCyclesWithoutProgress(result);
    return result;
  }

  private CompiledSchema compile(JsonNode node, String location, int depth) {
    CompiledSchema existing = compiled.get(node);
    if (existing != null) {
      return existing;
    }
    if (depth > MAX_SCHEMA_DEPTH) {
      throw new InvalidSchemaException(
          "the schema is nested deeper than " + MAX_SCHEMA_DEPTH + " levels at " + location);
    }
    if (node.isBoolean()) {
      CompiledSchema result = booleanSchema(location, node.asBoolean());
      compiled.put(node, result);
      return result;
    }
    if (!node.isObject()) {
      throw new InvalidSchemaException("expected a schema object at " + location + ": " + node);
    }
    KeywordPolicy.check(node, location);
    if (node != root && node.has("$id")) {
      nestedId = location;
    }
    int next = depth + 1;
    Map<String, CompiledSchema> properties = new LinkedHashMap<>();
    JsonNode propertiesNode = node.get("properties");
    if (propertiesNode != null) {
      requireObject(propertiesNode, location + "/properties");
      for (Map.Entry<String, JsonNode> entry : propertiesNode.properties()) {
        properties.put(
            entry.getKey(),
            compile(entry.getValue(), location + "/properties/" + escape(entry.getKey()), next));
      }
    }
    List<CompiledSchema> prefixItems = new ArrayList<>();
    CompiledSchema items = null;
    JsonNode itemsNode = node.get("items");
    JsonNode prefixNode = node.get("prefixItems");
    if (itemsNode != null && itemsNode.isArray()) {
      // Draft 4-7 tuple form: items is an array, additionalItems covers the rest.
      prefixItems = compileAll(itemsNode, location + "/items", next);
      JsonNode additionalItems = node.get("additionalItems");
      if (additionalItems != null) {
        items = compile(additionalItems, location + "/additionalItems", next);
      }
    } else {
      if (prefixNode != null) {
        prefixItems = compileAll(prefixNode, location + "/prefixItems", next);
      }
      if (itemsNode != null) {
        items = compile(itemsNode, location + "/items", next);
      }
    }
    JsonNode additionalNode = node.get("additionalProperties");
    CompiledSchema additionalProperties =
        additionalNode == null
            ? null
            : compile(additionalNode, location + "/additionalProperties", next);
    CompiledSchema.Reference reference = null;
    JsonNode refNode = node.get("$ref");
    if (refNode != null) {
      if (!refNode.isTextual()) {
        throw new InvalidSchemaException("$ref must be a string at " + location);
      }
      hasReferences = true;
      reference = new CompiledSchema.Reference(refNode.asText());
      resolve(reference.pointer, location); // fail fast on a reference that leads nowhere
      unresolved.push(reference);
    }

    BigDecimal minimum = decimal(node, "minimum", location);
    BigDecimal maximum = decimal(node, "maximum", location);
    BigDecimal exclusiveMinimum = null;
    BigDecimal exclusiveMaximum = null;
    JsonNode exclusiveMinimumNode = node.get("exclusiveMinimum");
    if (exclusiveMinimumNode != null && exclusiveMinimumNode.isBoolean()) {
      // Draft 4: a flag that makes minimum exclusive.
      if (exclusiveMinimumNode.asBoolean()) {
        exclusiveMinimum = minimum;
        minimum = null;
      }
    } else {
      exclusiveMinimum = decimal(node, "exclusiveMinimum", location);
    }
    JsonNode exclusiveMaximumNode = node.get("exclusiveMaximum");
    if (exclusiveMaximumNode != null && exclusiveMaximumNode.isBoolean()) {
      if (exclusiveMaximumNode.asBoolean()) {
        exclusiveMaximum = maximum;
        maximum = null;
      }
    } else {
      exclusiveMaximum = decimal(node, "exclusiveMaximum", location);
    }
    BigDecimal multipleOf = decimal(node, "multipleOf", location);
    if (multipleOf != null && multipleOf.signum() <= 0) {
      throw new InvalidSchemaException("multipleOf must be greater than 0 at " + location);
    }

    CompiledSchema result =
        new CompiledSchema(
            location,
            false,
            types(node, location),
            node.path("nullable").asBoolean(false),
            enumValues(node, location),
            node.get("const"),
            minimum,
            maximum,
            exclusiveMinimum,
            exclusiveMaximum,
            multipleOf,
            count(node, "minLength", location),
            count(node, "maxLength", location),
            pattern(node, location),
            count(node, "minItems", location),
            count(node, "maxItems", location),
            node.path("uniqueItems").asBoolean(false),
            List.copyOf(prefixItems),
            items,
            Collections.unmodifiableMap(properties),
            required(node, location),
            additionalProperties,
            reference,
            compileAll(node.get("allOf"), location + "/allOf", next),
            compileAll(node.get("anyOf"), location + "/anyOf", next),
            compileAll(node.get("oneOf"), location + "/oneOf", next));
    compileApplicators(node, location, next, result);
    compiled.put(node, result);
    return result;
  }

  /** Reads the keywords kept outside the constructor (see {@link CompiledSchema}). */
  private void compileApplicators(JsonNode node, String location, int next, CompiledSchema into) {
    if (into.pattern != null) into.patternSource = node.get("pattern").asText();
    into.not = optional(node, "not", location, next);
    into.ifSchema = optional(node, "if", location, next);
    if (into.ifSchema != null) {
      // then and else without if have no effect.
      into.thenSchema = optional(node, "then", location, next);
      into.elseSchema = optional(node, "else", location, next);
    }
    into.propertyNames = optional(node, "propertyNames", location, next);
    into.contains = optional(node, "contains", location, next);
    if (into.contains != null) {
      into.minContains = count(node, "minContains", location);
      into.maxContains = count(node, "maxContains", location);
    }
    into.minProperties = count(node, "minProperties", location);
    into.maxProperties = count(node, "maxProperties", location);
    JsonNode patterns = node.get("patternProperties");
    if (patterns != null) {
      requireObject(patterns, location + "/patternProperties");
      List<CompiledSchema.PatternProperty> result = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : patterns.properties()) {
        String at = location + "/patternProperties/" + escape(entry.getKey());
        result.add(
            new CompiledSchema.PatternProperty(
                regex(entry.getKey(), "patternProperties", at),
                compile(entry.getValue(), at, next)));
      }
      into.patternProperties = List.copyOf(result);
    }
    JsonNode dependentRequired = node.get("dependentRequired");
    if (dependentRequired != null) {
      requireObject(dependentRequired, location + "/dependentRequired");
      Map<String, List<String>> result = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : dependentRequired.properties()) {
        List<String> names = new ArrayList<>();
        for (JsonNode name : entry.getValue()) {
          if (!name.isTextual()) {
            throw new InvalidSchemaException(
                "the keyword \"dependentRequired\" at " + location + " must list property names");
          }
          names.add(name.asText());
        }
        if (!entry.getValue().isArray()) {
          throw new InvalidSchemaException(
              "the keyword \"dependentRequired\" at " + location + " must list property names");
        }
        result.put(entry.getKey(), List.copyOf(names));
      }
      into.dependentRequired = Collections.unmodifiableMap(result);
    }
    JsonNode dependentSchemas = node.get("dependentSchemas");
    if (dependentSchemas != null) {
      requireObject(dependentSchemas, location + "/dependentSchemas");
      Map<String, CompiledSchema> result = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : dependentSchemas.properties()) {
        result.put(
            entry.getKey(),
            compile(
                entry.getValue(), location + "/dependentSchemas/" + escape(entry.getKey()), next));
      }
      into.dependentSchemas = Collections.unmodifiableMap(result);
    }
  }

  private CompiledSchema optional(JsonNode node, String keyword, String location, int depth) {
    JsonNode value = node.get(keyword);
    return value == null ? null : compile(value, location + "/" + keyword, depth);
  }

  private static CompiledSchema booleanSchema(String location, boolean accepts) {
    return new CompiledSchema(
        location, !accepts, null, false, null, null, null, null, null, null, null, null, null, null,
        null, null, false, List.of(), null, Map.of(), List.of(), null, null, List.of(), List.of(),
        List.of());
  }

  private List<CompiledSchema> compileAll(JsonNode array, String location, int depth) {
    if (array == null) {
      return List.of();
    }
    if (!array.isArray() || array.isEmpty()) {
      throw new InvalidSchemaException("expected a non-empty array of schemas at " + location);
    }
    List<CompiledSchema> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      result.add(compile(array.get(i), location + "/" + i, depth));
    }
    return List.copyOf(result);
  }

  /** Resolves a local reference to the schema node it names. */
  private JsonNode resolve(String reference, String location) {
    JsonNode rootId = root.get("$id");
    if (rootId != null && rootId.isTextual()) {
      // The root's own URI followed by a fragment is a reference inside this document.
      String base = rootId.asText();
      if (base.endsWith("#")) base = base.substring(0, base.length() - 1);
      if (!base.isEmpty()
          && reference.startsWith(base)
          && (reference.length() == base.length() || reference.charAt(base.length()) == '#')) {
        reference = reference.length() == base.length() ? "#" : reference.substring(base.length());
      }
    }
    if (!reference.startsWith("#")) {
      throw new InvalidSchemaException(
          "the keyword \"$ref\" at "
              + location
              + " refers to \""
              + reference
              + "\", outside the schema document; only references inside the schema are supported (remote references need a resolver)");
    }
    // A fragment is percent-encoded; '+' is a literal plus there, not a space.
    String pointer =
        URLDecoder.decode(reference.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    JsonNode target =
        !pointer.isEmpty() && !pointer.startsWith("/")
            ? anchor(pointer, reference, location)
            : root.at(pointer);
    if (target.isMissingNode() || !(target.isObject() || target.isBoolean())) {
      throw new InvalidSchemaException(
          "the keyword \"$ref\" at "
              + location
              + ": the reference \""
              + reference
              + "\" does not point to a schema");
    }
    return target;
  }

  /**
   * The one schema object in the document that declares {@code name} as its {@code $anchor} (or
   * {@code $dynamicAnchor}, which a plain {@code $ref} treats the same way). Anchors are looked up
   * document-wide: a document with nested {@code $id}s (several anchor scopes) and references is
   * refused by {@link #compile(JsonNode)}.
   */
  private JsonNode anchor(String name, String reference, String location) {
    JsonNode found = null;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject()
          && (name.equals(node.path("$anchor").textValue())
              || name.equals(node.path("$dynamicAnchor").textValue()))) {
        if (found != null && found != node) {
          throw new InvalidSchemaException(
              "the keyword \"$ref\" at "
                  + location
                  + " refers to the anchor \""
                  + reference
                  + "\", which more than one schema declares");
        }
        found = node;
      }
      if (node.isContainerNode()) node.forEach(pending::push);
    }
    return found == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : found;
  }

  private static Set<CompiledSchema.Type> types(JsonNode node, String location) {
    JsonNode type = node.get("type");
    if (type == null) {
      return null;
    }
    Set<CompiledSchema.Type> result = EnumSet.noneOf(CompiledSchema.Type.class);
    if (type.isTextual()) {
      result.add(typeNamed(type.asText(), location));
    } else if (type.isArray() && !type.isEmpty()) {
      for (JsonNode name : type) {
        if (!name.isTextual()) {
          throw new InvalidSchemaException("type names must be strings at " + location);
        }
        result.add(typeNamed(name.asText(), location));
      }
    } else {
      throw new InvalidSchemaException(
          "type must be a name or a non-empty array of names at " + location);
    }
    return result;
  }

  private static CompiledSchema.Type typeNamed(String name, String location) {
    CompiledSchema.Type type = CompiledSchema.Type.named(name);
    if (type == null) {
      throw new InvalidSchemaException("unknown type \"" + name + "\" at " + location);
    }
    return type;
  }

  private static List<JsonNode> enumValues(JsonNode node, String location) {
    JsonNode values = node.get("enum");
    if (values == null) {
      return null;
    }
    if (!values.isArray()) {
      throw new InvalidSchemaException("enum must be an array at " + location);
    }
    List<JsonNode> result = new ArrayList<>();
    values.forEach(result::add);
    return List.copyOf(result);
  }

  private static List<String> required(JsonNode node, String location) {
    JsonNode names = node.get("required");
    if (names == null || names.isBoolean()) {
      // A boolean "required" is the draft-3 spelling inside a property; it has no effect here.
      return List.of();
    }
    if (!names.isArray()) {
      throw new InvalidSchemaException("required must be an array of names at " + location);
    }
    List<String> result = new ArrayList<>();
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        throw new InvalidSchemaException("required must be an array of names at " + location);
      }
      result.add(name.asText());
    }
    return List.copyOf(result);
  }

  private static BigDecimal decimal(JsonNode node, String keyword, String location) {
    JsonNode value = node.get(keyword);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw new InvalidSchemaException(keyword + " must be a number at " + location);
    }
    if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
      throw new InvalidSchemaException(keyword + " must be finite at " + location);
    }
    return value.decimalValue();
  }

  private static Integer count(JsonNode node, String keyword, String location) {
    JsonNode value = node.get(keyword);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()
        || !value.canConvertToExactIntegral()
        || value.decimalValue().signum() < 0) {
      throw new InvalidSchemaException(keyword + " must be a non-negative integer at " + location);
    }
    BigDecimal count = value.decimalValue();
    return count.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
        ? Integer.MAX_VALUE
        : count.intValueExact();
  }

  private static Pattern pattern(JsonNode node, String location) {
    JsonNode value = node.get("pattern");
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidSchemaException("pattern must be a string at " + location);
    }
    return regex(value.asText(), "pattern", location);
  }

  private static Pattern regex(String source, String keyword, String location) {
    try {
      return EcmaRegex.compile(source);
    } catch (PatternSyntaxException e) {
      throw new InvalidSchemaException(
          "the keyword \""
              + keyword
              + "\" at "
              + location
              + ": pattern is not a valid regular expression: "
              + e.getDescription(),
          e);
    }
  }

  private static void requireObject(JsonNode node, String location) {
    if (!node.isObject()) {
      throw new InvalidSchemaException("expected an object at " + location);
    }
  }

  /**
   * Refuses schemas in which a {@code $ref}, {@code allOf}, {@code anyOf} or {@code oneOf} chain
   * returns to a schema without descending into the value ({@code {"$ref": "#"}} at the root):
   * validating against them would never end.
   */
  private static void rejectCyclesWithoutProgress(CompiledSchema root) {
    // Depth-first search over "applies to the same value" edges, iterative with colours.
    Set<CompiledSchema> finished = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<CompiledSchema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<CompiledSchema> all = Collections.newSetFromMap(new IdentityHashMap<>());
    collectAll(root, all);
    for (CompiledSchema start : all) {
      if (finished.contains(start)) {
        continue;
      }
      Deque<Object[]> stack = new ArrayDeque<>();
      stack.push(new Object[] {start, start.sameValueSchemas(), 0});
      onPath.add(start);
      while (!stack.isEmpty()) {
        Object[] frame = stack.peek();
        @SuppressWarnings("unchecked")
        List<CompiledSchema> next = (List<CompiledSchema>) frame[1];
        int index = (Integer) frame[2];
        if (index == next.size()) {
          stack.pop();
          onPath.remove((CompiledSchema) frame[0]);
          finished.add((CompiledSchema) frame[0]);
          continue;
        }
        frame[2] = index + 1;
        CompiledSchema child = next.get(index);
        if (onPath.contains(child)) {
          throw new InvalidSchemaException(
              "the schema at " + child.location + " refers back to itself without descending");
        }
        if (!finished.contains(child)) {
          onPath.add(child);
          stack.push(new Object[] {child, child.sameValueSchemas(), 0});
        }
      }
    }
  }

  private static void collectAll(CompiledSchema root, Set<CompiledSchema> into) {
    Deque<CompiledSchema> pending = new ArrayDeque<>();
    pending.push(root);
    Set<CompiledSchema> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      CompiledSchema schema = pending.pop();
      if (!seen.add(schema)) {
        continue;
      }
      into.add(schema);
      pending.addAll(schema.sameValueSchemas());
      pending.addAll(schema.prefixItems);
      pending.addAll(schema.properties.values());
      schema.patternProperties.forEach(entry -> pending.add(entry.schema()));
      if (schema.propertyNames != null) pending.add(schema.propertyNames);
      if (schema.contains != null) pending.add(schema.contains);
      if (schema.items != null) {
        pending.add(schema.items);
      }
      if (schema.additionalProperties != null) {
        pending.add(schema.additionalProperties);
      }
    }
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
