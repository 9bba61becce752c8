package dev.reverie.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks JSON values against a JSON schema, whole or piece by piece while a model streams them.
 *
 * <p>Supports the subset of JSON Schema that model providers accept: {@code type} (a name or an
 * array of names; {@code integer} accepts any whole number, including {@code 1.0}), {@code
 * nullable} (OpenAPI), {@code enum}, {@code const}, {@code minimum}, {@code maximum}, {@code
 * exclusiveMinimum}, {@code exclusiveMaximum} (numbers, or draft-4 booleans), {@code multipleOf},
 * {@code minLength}/{@code maxLength} (counted in code points), {@code pattern} (unanchored, Java
 * regular expressions), {@code properties}, {@code required}, {@code additionalProperties} (a
 * boolean or a schema), {@code items}, {@code prefixItems} (and the draft-4 array form of {@code
 * items} with {@code additionalItems}), {@code minItems}/{@code maxItems}, {@code uniqueItems},
 * {@code allOf}/{@code anyOf}/{@code oneOf}, boolean schemas, and local {@code $ref}s ({@code #},
 * {@code #/$defs/…}, {@code #/definitions/…}). A {@code $ref} applies together with its sibling
 * keywords. Annotations and other keywords ({@code format}, {@code title}, {@code description},
 * {@code default}…) are ignored.
 *
 * <p>Create one with {@link #of} per schema and reuse it: the schema is compiled once. A validator
 * is immutable and safe to share between threads.
 *
 * <p>Values nested deeper than {@value #MAX_VALUE_DEPTH} levels are reported as a violation rather
 * than walked, so hostile input cannot exhaust the stack; at most {@value #MAX_VIOLATIONS}
 * violations are reported per call.
 */
public final class SchemaValidator {
  /** Deepest value nesting that is validated; parsers already refuse deeper documents. */
  public static final int MAX_VALUE_DEPTH = 1000;

  /** Most violations reported by one {@link #validate} call. */
  public static final int MAX_VIOLATIONS = 100;

  private final CompiledSchema root;
  private final boolean positionalItems;

  private SchemaValidator(CompiledSchema root) {
    this.root = root;
    this.positionalItems = anyPositionalItems(root);
  }

  /**
   * Whether some array in the schema gives its elements different sub-schemas by index ({@code
   * prefixItems}, or the draft-4 array form of {@code items}): then what holds for one element of
   * an array does not hold for the next.
   */
  public boolean hasPositionalItems() {
    return positionalItems;
  }

  private static boolean anyPositionalItems(CompiledSchema root) {
    var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Deque<CompiledSchema> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      CompiledSchema schema = pending.pop();
      if (!seen.add(schema)) continue;
      if (!schema.prefixItems.isEmpty()) return true;
      if (schema.items != null) pending.push(schema.items);
      if (schema.additionalProperties != null) pending.push(schema.additionalProperties);
      schema.properties.values().forEach(pending::push);
      schema.sameValueSchemas().forEach(pending::push);
    }
    return false;
  }

  /**
   * Compiles a schema for validation.
   *
   * @throws InvalidSchemaException when the schema uses an unknown type, a reference that does not
   *     resolve locally, an invalid pattern, or a reference cycle that never reaches a value
   */
  public static SchemaValidator of(JsonNode schema) {
    return new SchemaValidator(SchemaCompiler.compile(schema));
  }

  /**
   * Every way in which {@code value} breaks the schema (up to {@value #MAX_VIOLATIONS}); empty when
   * it is valid. A Java {@code null} is treated as JSON {@code null}.
   */
  public List<SchemaViolation> validate(JsonNode value) {
    return validate(value, null);
  }

  /**
   * As {@link #validate(JsonNode)}, skipping the nodes {@code known} records as already valid
   * against the same part of the schema (by {@link #checkComplete(String, JsonNode,
   * ValidatedValues)} with this validator); a null {@code known} skips nothing.
   */
  public List<SchemaViolation> validate(JsonNode value, ValidatedValues known) {
    JsonNode checked = orNull(value);
    if (depthOf(checked, known) > MAX_VALUE_DEPTH) {
      return List.of(tooDeep(""));
    }
    return List.copyOf(new Run(known).validate(root, checked, ""));
  }

  /**
   * Whether a value of {@code kind} starting at {@code path} can never be valid, checked before the
   * value is complete: a string where an integer belongs, an object where an array belongs, a
   * property that the schema does not allow (reported on the property's path), an array element
   * past {@code maxItems}, or a kind that no {@code enum} or {@code const} value has.
   *
   * <p>The sub-schema is found through {@code properties}, {@code additionalProperties}, {@code
   * items}, {@code prefixItems}, {@code $ref} and composition; under {@code anyOf}/{@code oneOf}
   * the kind is accepted when any alternative accepts it. Constraints that need the whole value
   * (lengths, bounds, patterns, required properties) are left to {@link #checkComplete} and {@link
   * #validate}.
   *
   * @param path a JSON Pointer ({@code ""} for the whole value, {@code /genres/0}…)
   * @return the violation, or empty when a value of this kind may still turn out valid
   * @throws IllegalArgumentException when {@code path} is not a JSON Pointer
   */
  public Optional<SchemaViolation> checkKind(String path, SchemaType kind) {
    return first(new Run(null).at(root, tokens(path), new Leaf(null, kind)));
  }

  /**
   * The first violation of a completed sub-value against the part of the schema at {@code path}, or
   * empty when it is valid there; used to accept array elements one by one as they complete.
   *
   * @param path a JSON Pointer to where {@code value} sits in the whole document
   * @throws IllegalArgumentException when {@code path} is not a JSON Pointer
   */
  public Optional<SchemaViolation> checkComplete(String path, JsonNode value) {
    return checkComplete(path, value, null);
  }

  /**
   * As {@link #checkComplete(String, JsonNode)}, skipping the nodes {@code known} records as
   * already valid, and recording {@code value} there when it is valid against the one sub-schema
   * that governs {@code path} (nothing is recorded where alternatives make several govern it).
   */
  public Optional<SchemaViolation> checkComplete(
      String path, JsonNode value, ValidatedValues known) {
    List<String> tokens = tokens(path);
    JsonNode checked = orNull(value);
    if (depthOf(checked, known) + tokens.size() > MAX_VALUE_DEPTH) {
      return Optional.of(tooDeep(path));
    }
    Run run = new Run(known);
    List<SchemaViolation> violations = run.at(root, tokens, new Leaf(checked, null));
    if (violations.isEmpty() && known != null && run.leaves == 1 && checked.isContainerNode()) {
      known.add(run.leafSchema, checked);
    }
    return first(violations);
  }

  /**
   * The one sub-schema that governs {@code path} whatever the array indices in it, resolved once so
   * that every array element found at that place can be checked with {@link
   * #checkComplete(ResolvedLocation, String, JsonNode, ValidatedValues)} without walking the schema
   * from the root again. Empty when no single sub-schema does: alternatives or {@code allOf} on the
   * way, positional items or {@code maxItems} (which depend on the index), or a path the schema
   * rejects.
   *
   * @throws IllegalArgumentException when {@code path} is not a JSON Pointer
   */
  public Optional<ResolvedLocation> resolve(String path) {
    List<String> tokens = tokens(path);
    Run run = new Run(null);
    run.probing = true;
    List<SchemaViolation> violations = run.at(root, tokens, new Leaf(null, SchemaType.NULL));
    if (!violations.isEmpty() || run.leaves != 1 || run.indexDependent) return Optional.empty();
    return Optional.of(new ResolvedLocation(this, run.leafSchema));
  }

  /**
   * As {@link #checkComplete(String, JsonNode, ValidatedValues)} for a value at a place resolved
   * before with {@link #resolve}: {@code path} is where this value sits (for messages and the depth
   * limit), and must lead to that place.
   */
  public Optional<SchemaViolation> checkComplete(
      ResolvedLocation at, String path, JsonNode value, ValidatedValues known) {
    if (at.validator != this) {
      throw new IllegalArgumentException("the location was resolved by another validator");
    }
    JsonNode checked = orNull(value);
    if (depthOf(checked, known) + tokenCount(path) > MAX_VALUE_DEPTH) {
      return Optional.of(tooDeep(path));
    }
    List<SchemaViolation> violations = new Run(known).validate(at.schema, checked, path);
    if (violations.isEmpty() && known != null && checked.isContainerNode()) {
      known.add(at.schema, checked);
    }
    return first(violations);
  }

  /** A place in the schema resolved by {@link #resolve}; only for the validator that made it. */
  public static final class ResolvedLocation {
    private final SchemaValidator validator;
    private final CompiledSchema schema;
    private final boolean scalarsByKindOnly;

    private ResolvedLocation(SchemaValidator validator, CompiledSchema schema) {
      this.validator = validator;
      this.schema = schema;
      this.scalarsByKindOnly = schema.asksScalarsOnlyTheirKind();
    }

    /**
     * Whether a string, number or boolean here is valid as soon as its kind is ({@link
     * #checkKind}): the sub-schema asks nothing else of scalars, so checking one when it completes
     * finds nothing new.
     */
    public boolean checksScalarsOnlyByKind() {
      return scalarsByKindOnly;
    }
  }

  private static int tokenCount(String pointer) {
    int count = 0;
    for (int i = 0; i < pointer.length(); i++) if (pointer.charAt(i) == '/') count++;
    return count;
  }

  private static Optional<SchemaViolation> first(List<SchemaViolation> violations) {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0));
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null || value.isMissingNode()
        ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
        : value;
  }

  private static SchemaViolation tooDeep(String path) {
    return new SchemaViolation(
        path, "the value is nested deeper than " + MAX_VALUE_DEPTH + " levels");
  }

  /**
   * Nesting depth of a value, measured without recursion. A sub-value {@code known} (may be null)
   * records as valid is not walked: it passed this limit at its own place when it was recorded.
   */
  static int depthOf(JsonNode value, ValidatedValues known) {
    if (!value.isContainerNode()) {
      return 0;
    }
    // Containers still to visit and their depths, as two parallel stacks: no entry objects or
    // boxed integers for a walk that runs over every completed array element.
    JsonNode[] nodes = new JsonNode[16];
    int[] depths = new int[16];
    int size = 0;
    nodes[size++] = value;
    int deepest = 0;
    while (size > 0) {
      size--;
      JsonNode node = nodes[size];
      int depth = depths[size];
      nodes[size] = null;
      deepest = Math.max(deepest, depth);
      if (depth > MAX_VALUE_DEPTH) {
        return depth;
      }
      for (JsonNode child : node) {
        if (child.isContainerNode() && (known == null || !known.containsAny(child))) {
          if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            depths = Arrays.copyOf(depths, size * 2);
          }
          nodes[size] = child;
          depths[size++] = depth + 1;
        }
      }
    }
    return deepest;
  }

  /** Splits a JSON Pointer into unescaped reference tokens. */
  static List<String> tokens(String pointer) {
    if (pointer == null) {
      throw new IllegalArgumentException("a JSON Pointer is required");
    }
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (pointer.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "not a JSON Pointer (must be empty or start with '/'): " + pointer);
    }
    List<String> result = new ArrayList<>();
    int start = 1;
    while (true) {
      int slash = pointer.indexOf('/', start);
      String raw = slash < 0 ? pointer.substring(start) : pointer.substring(start, slash);
      result.add(raw.replace("~1", "/").replace("~0", "~"));
      if (slash < 0) {
        return result;
      }
      start = slash + 1;
    }
  }

  private static String child(String path, String token) {
    return path + "/" + SchemaCompiler.escape(token);
  }

  private static boolean isArrayIndex(String token) {
    if (token.isEmpty() || token.length() > 9) {
      return false;
    }
    if (token.length() > 1 && token.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * One validation call, run as an explicit stack of tasks rather than by recursion, so that the
   * depth of the value and of the schema never turns into Java stack depth.
   *
   * <p>Tasks write violations into a {@link Collector}. A task that checks children pushes them in
   * reverse, so they run depth-first in document order. Alternatives ({@code anyOf}/{@code oneOf})
   * each get their own collector; a {@link Alternatives} task pushed beneath them runs after all of
   * them have finished and decides what to report.
   */
  private static final class Run {
    /**
     * Tasks allowed to chain from one another: the value depth is already bounded and compilation
     * refuses reference cycles that do not descend, so this only stops pathological schema chains.
     */
    private static final int MAX_HOPS = 4 * MAX_VALUE_DEPTH;

    private final Deque<Task> tasks = new ArrayDeque<>();
    // Values found valid before, skipped; null to check everything.
    private final ValidatedValues known;
    // The sub-schemas a descent ended at, and the last of them.
    int leaves;
    CompiledSchema leafSchema;
    // Probing: a descent only finds where it ends (no check there), noting any index dependence.
    boolean probing;
    boolean indexDependent;

    Run(ValidatedValues known) {
      this.known = known;
    }

    List<SchemaViolation> validate(CompiledSchema schema, JsonNode value, String path) {
      var out = new Collector();
      tasks.push(new Validate(schema, value, Path.of(path), 0, out));
      drain();
      return out.violations;
    }

    /** Follows {@code tokens} to the sub-schemas governing that location, then checks there. */
    List<SchemaViolation> at(CompiledSchema schema, List<String> tokens, Leaf leaf) {
      var out = new Collector();
      tasks.push(new Descend(schema, tokens, 0, Path.ROOT, 0, leaf, out));
      drain();
      return out.violations;
    }

    private void drain() {
      while (!tasks.isEmpty()) {
        Task task = tasks.pop();
        if (task.out().full()) {
          continue;
        }
        if (task.hops() > MAX_HOPS) {
          task.out().add(task.path(), "the schema is too deeply nested to check this value");
          continue;
        }
        if (task instanceof Validate validate) {
          run(validate);
        } else if (task instanceof Descend descend) {
          run(descend);
        } else if (task instanceof Kind kind) {
          run(kind);
        } else if (task instanceof Alternatives alternatives) {
          run(alternatives);
        } else if (task instanceof Negation negation) {
          run(negation);
        } else if (task instanceof Condition condition) {
          run(condition);
        } else if (task instanceof Containment containment) {
          run(containment);
        } else if (task instanceof NameCheck nameCheck) {
          run(nameCheck);
        } else {
          run((Violation) task);
        }
      }
    }

    // ---- whole values ----

    private void run(Validate task) {
      CompiledSchema schema = task.schema;
      JsonNode value = task.value;
      if (known != null && known.contains(schema, value)) {
        return;
      }
      Path path = task.path;
      Collector out = task.out;
      if (schema.rejectsEverything) {
        out.add(path, "no value is allowed here");
        return;
      }
      if (value.isNull() && schema.nullable) {
        return;
      }
      if (schema.types != null && !schema.accepts(SchemaType.of(value))) {
        out.add(path, "expected " + describe(schema.types) + " but got " + typeName(value));
        return;
      }
      if (schema.enumValues != null && !containsEqual(schema.enumValues, value)) {
        out.add(
            path,
            "expected one of " + abbreviate(schema.enumValues) + " but got " + shortText(value));
      }
      if (schema.constValue != null && !JsonEquality.equal(schema.constValue, value)) {
        out.add(path, "expected " + shortText(schema.constValue) + " but got " + shortText(value));
      }
      if (value.isNumber()) {
        checkNumber(schema, value, path, out);
      } else if (value.isTextual()) {
        checkString(schema, value.asText(), path, out);
      }
      int hops = task.hops + 1;
      // Pushed in reverse of the order they should run and report in.
      if (schema.hasWholeValueKeywords()) {
        pushWholeValueKeywords(schema, value, path, hops, out);
      }
      if (schema.hasAlternatives()) {
        pushAlternatives(
            schema,
            path,
            hops,
            out,
            true,
            branch -> new Validate(branch.schema(), value, path, hops, branch.out()));
      }
      for (int i = schema.allOf.size() - 1; i >= 0; i--) {
        tasks.push(new Validate(schema.allOf.get(i), value, path, hops, out));
      }
      if (schema.reference != null) {
        tasks.push(new Validate(schema.reference.target, value, path, hops, out));
      }
      if (value.isArray()) {
        checkArray(schema, value, path, hops, out);
      } else if (value.isObject()) {
        checkObject(schema, value, path, hops, out);
      }
    }

    /**
     * Pushes the checks of {@code not}, {@code if}/{@code then}/{@code else}, {@code contains},
     * {@code dependentSchemas}, {@code propertyNames} and the property counts; each decision task
     * is pushed beneath the sub-validations it waits for.
     */
    private void pushWholeValueKeywords(
        CompiledSchema schema, JsonNode value, Path path, int hops, Collector out) {
      if (schema.not != null) {
        var branch = new Collector();
        tasks.push(new Negation(schema.not, path, branch, hops, out));
        tasks.push(new Validate(schema.not, value, path, hops, branch));
      }
      if (schema.ifSchema != null) {
        var branch = new Collector();
        tasks.push(new Condition(schema, value, path, branch, hops, out));
        tasks.push(new Validate(schema.ifSchema, value, path, hops, branch));
      }
      if (value.isArray() && schema.contains != null) {
        List<Collector> branches = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) branches.add(new Collector());
        tasks.push(new Containment(schema, path, branches, hops, out));
        for (int i = value.size() - 1; i >= 0; i--) {
          tasks.push(
              new Validate(schema.contains, value.get(i), path.index(i), hops, branches.get(i)));
        }
      }
      if (value.isObject()) {
        int size = value.size();
        if (schema.minProperties != null && size < schema.minProperties) {
          out.add(
              path, "must have at least " + schema.minProperties + " properties but has " + size);
        }
        if (schema.maxProperties != null && size > schema.maxProperties) {
          out.add(
              path, "must have at most " + schema.maxProperties + " properties but has " + size);
        }
        for (Map.Entry<String, List<String>> entry : schema.dependentRequired.entrySet()) {
          if (value.has(entry.getKey())) {
            for (String name : entry.getValue()) {
              if (!value.has(name)) {
                out.add(
                    path,
                    "missing property \""
                        + name
                        + "\", required when \""
                        + entry.getKey()
                        + "\" is present");
              }
            }
          }
        }
        for (Map.Entry<String, CompiledSchema> entry : schema.dependentSchemas.entrySet()) {
          if (value.has(entry.getKey())) {
            tasks.push(new Validate(entry.getValue(), value, path, hops, out));
          }
        }
        if (schema.propertyNames != null) {
          List<String> names = new ArrayList<>();
          value.fieldNames().forEachRemaining(names::add);
          for (int i = names.size() - 1; i >= 0; i--) {
            var branch = new Collector();
            Path at = path.child(names.get(i));
            tasks.push(new NameCheck(at, names.get(i), branch, hops, out));
            tasks.push(
                new Validate(
                    schema.propertyNames,
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(names.get(i)),
                    at,
                    hops,
                    branch));
          }
        }
      }
    }

    private void run(Negation task) {
      if (task.branch.violations.isEmpty()) {
        task.out.add(task.path, "must not match the schema at " + task.schema.location);
      }
    }

    private void run(Condition task) {
      CompiledSchema next =
          task.branch.violations.isEmpty() ? task.schema.thenSchema : task.schema.elseSchema;
      if (next != null) {
        tasks.push(new Validate(next, task.value, task.path, task.hops, task.out));
      }
    }

    private void run(Containment task) {
      int matches = 0;
      for (Collector branch : task.branches) {
        if (branch.violations.isEmpty()) matches++;
      }
      CompiledSchema schema = task.schema;
      int least = schema.minContains == null ? 1 : schema.minContains;
      if (matches < least) {
        task.out.add(
            task.path,
            "must contain at least "
                + least
                + " item"
                + (least == 1 ? "" : "s")
                + " matching the schema at "
                + schema.contains.location
                + " but has "
                + matches);
      }
      if (schema.maxContains != null && matches > schema.maxContains) {
        task.out.add(
            task.path,
            "must contain at most "
                + schema.maxContains
                + " items matching the schema at "
                + schema.contains.location
                + " but has "
                + matches);
      }
    }

    private void run(NameCheck task) {
      if (!task.branch.violations.isEmpty()) {
        task.out.add(
            task.path,
            "the property name \""
                + task.name
                + "\" is not allowed: "
                + task.branch.violations.get(0).message());
      }
    }

    private void checkArray(
        CompiledSchema schema, JsonNode array, Path path, int hops, Collector out) {
      int size = array.size();
      if (schema.minItems != null && size < schema.minItems) {
        out.add(path, "must have at least " + schema.minItems + " items but has " + size);
      }
      if (schema.maxItems != null && size > schema.maxItems) {
        out.add(path, "must have at most " + schema.maxItems + " items but has " + size);
      }
      if (schema.uniqueItems && size > 1) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < size; i++) {
          if (!seen.add(JsonEquality.canonicalKey(array.get(i)))) {
            out.add(path.index(i), "duplicates an earlier item; items must be unique");
            break;
          }
        }
      }
      for (int i = size - 1; i >= 0; i--) {
        CompiledSchema itemSchema =
            i < schema.prefixItems.size() ? schema.prefixItems.get(i) : schema.items;
        if (itemSchema != null) {
          tasks.push(new Validate(itemSchema, array.get(i), path.index(i), hops, out));
        }
      }
    }

    private void checkObject(
        CompiledSchema schema, JsonNode object, Path path, int hops, Collector out) {
      for (String name : schema.required) {
        if (!object.has(name)) {
          out.add(path, "missing required property \"" + name + "\"");
        }
      }
      List<Task> children = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        Path childPath = path.child(entry.getKey());
        CompiledSchema propertySchema = schema.properties.get(entry.getKey());
        if (propertySchema != null
            && entry.getValue().isNull()
            && !schema.required.contains(entry.getKey())) {
          // An optional property given as null counts as absent: OpenAI's strict mode cannot
          // leave a property out, so it makes optional ones nullable and the model writes null.
          continue;
        }
        boolean matchedPattern = false;
        if (!schema.patternProperties.isEmpty()) {
          for (CompiledSchema.PatternProperty pattern : schema.patternProperties) {
            if (pattern.pattern().matcher(entry.getKey()).find()) {
              matchedPattern = true;
              children.add(new Validate(pattern.schema(), entry.getValue(), childPath, hops, out));
            }
          }
        }
        if (propertySchema == null && !matchedPattern) {
          propertySchema = schema.additionalProperties;
        }
        if (propertySchema == null) {
          continue;
        }
        if (propertySchema.rejectsEverything && propertySchema == schema.additionalProperties) {
          children.add(new Violation(childPath, notAllowed(schema, entry.getKey()), hops, out));
        } else {
          children.add(new Validate(propertySchema, entry.getValue(), childPath, hops, out));
        }
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        tasks.push(children.get(i));
      }
    }

    // ---- paths into the schema ----

    private void run(Descend task) {
      CompiledSchema schema = task.schema;
      Collector out = task.out;
      Path path = task.path;
      if (task.index == task.tokens.size()) {
        leaves++;
        leafSchema = schema;
        if (!probing) tasks.push(task.leaf.task(schema, path, task.hops, out));
        return;
      }
      if (schema.rejectsEverything) {
        out.add(path, "no value is allowed here");
        return;
      }
      int hops = task.hops + 1;
      if (schema.hasAlternatives()) {
        pushAlternatives(
            schema,
            path,
            hops,
            out,
            false,
            branch ->
                new Descend(
                    branch.schema(), task.tokens, task.index, path, hops, task.leaf, branch.out()));
      }
      for (int i = schema.allOf.size() - 1; i >= 0; i--) {
        tasks.push(
            new Descend(schema.allOf.get(i), task.tokens, task.index, path, hops, task.leaf, out));
      }
      if (schema.reference != null) {
        tasks.push(
            new Descend(
                schema.reference.target, task.tokens, task.index, path, hops, task.leaf, out));
      }
      step(task, hops);
    }

    /** One step down through this schema's own properties/items keywords. */
    private void step(Descend task, int hops) {
      CompiledSchema schema = task.schema;
      String token = task.tokens.get(task.index);
      Path childPath = task.path.child(token);
      Collector out = task.out;
      boolean objectAllowed =
          schema.types == null || schema.types.contains(CompiledSchema.Type.OBJECT);
      boolean arrayAllowed =
          (schema.types == null || schema.types.contains(CompiledSchema.Type.ARRAY))
              && isArrayIndex(token);
      if (objectAllowed && arrayAllowed) {
        // The token may name an array element or a property called "0": which keywords apply
        // depends on a value not seen here, so nothing is checked on this way down rather than
        // risking a violation the whole value would not have.
        indexDependent = true;
        return;
      }
      if (objectAllowed) {
        CompiledSchema propertySchema = schema.properties.get(token);
        boolean matched = propertySchema != null;
        if (propertySchema != null) {
          tasks.push(
              new Descend(
                  propertySchema, task.tokens, task.index + 1, childPath, hops, task.leaf, out));
        }
        for (CompiledSchema.PatternProperty pattern : schema.patternProperties) {
          if (pattern.pattern().matcher(token).find()) {
            matched = true;
            tasks.push(
                new Descend(
                    pattern.schema(),
                    task.tokens,
                    task.index + 1,
                    childPath,
                    hops,
                    task.leaf,
                    out));
          }
        }
        if (!matched && schema.additionalProperties != null) {
          if (schema.additionalProperties.rejectsEverything) {
            out.add(childPath, notAllowed(schema, token));
          } else {
            tasks.push(
                new Descend(
                    schema.additionalProperties,
                    task.tokens,
                    task.index + 1,
                    childPath,
                    hops,
                    task.leaf,
                    out));
          }
        }
        return;
      }
      if (arrayAllowed) {
        if (schema.maxItems != null || !schema.prefixItems.isEmpty()) indexDependent = true;
        int position = Integer.parseInt(token);
        if (schema.maxItems != null && position >= schema.maxItems) {
          out.add(childPath, "the array may have at most " + schema.maxItems + " items");
          return;
        }
        CompiledSchema itemSchema =
            position < schema.prefixItems.size() ? schema.prefixItems.get(position) : schema.items;
        if (itemSchema != null) {
          tasks.push(
              new Descend(
                  itemSchema, task.tokens, task.index + 1, childPath, hops, task.leaf, out));
        }
        return;
      }
      if (schema.types.contains(CompiledSchema.Type.ARRAY)) {
        // An array schema reached with a token that is not an index: no such element exists.
        out.add(childPath, "\"" + token + "\" is not an array index");
      } else {
        out.add(task.path, "expected " + describe(schema.types) + " but got an object or array");
      }
    }

    /** The kind-level check at the end of a path, including references and composition. */
    private void run(Kind task) {
      CompiledSchema schema = task.schema;
      SchemaType kind = task.kind;
      Path path = task.path;
      Collector out = task.out;
      if (schema.rejectsEverything) {
        out.add(path, "no value is allowed here");
        return;
      }
      if (kind == SchemaType.NULL && schema.nullable) {
        return;
      }
      if (schema.types != null && !schema.accepts(kind)) {
        out.add(path, "expected " + describe(schema.types) + " but got " + kind.schemaName());
        return;
      }
      if (schema.enumValues != null && !hasValueOfKind(schema.enumValues, kind)) {
        out.add(
            path,
            "expected one of " + abbreviate(schema.enumValues) + " but got " + kind.schemaName());
        return;
      }
      if (schema.constValue != null && SchemaType.of(schema.constValue) != kind) {
        out.add(path, "expected " + shortText(schema.constValue) + " but got " + kind.schemaName());
        return;
      }
      int hops = task.hops + 1;
      if (schema.hasAlternatives()) {
        pushAlternatives(
            schema,
            path,
            hops,
            out,
            false,
            branch -> new Kind(branch.schema(), kind, path, hops, branch.out()));
      }
      for (int i = schema.allOf.size() - 1; i >= 0; i--) {
        tasks.push(new Kind(schema.allOf.get(i), kind, path, hops, out));
      }
      if (schema.reference != null) {
        tasks.push(new Kind(schema.reference.target, kind, path, hops, out));
      }
    }

    // ---- composition ----

    /**
     * Pushes the anyOf and oneOf checks of {@code schema}: a decision task, then one task per
     * alternative writing into its own collector. {@code exact} counts oneOf matches (only possible
     * for whole values; a partial value may still come to match fewer alternatives).
     */
    private void pushAlternatives(
        CompiledSchema schema,
        Path path,
        int hops,
        Collector out,
        boolean exact,
        java.util.function.Function<Branch, Task> taskFor) {
      pushAlternatives(schema.oneOf, true, path, hops, out, exact, taskFor);
      pushAlternatives(schema.anyOf, false, path, hops, out, exact, taskFor);
    }

    private void pushAlternatives(
        List<CompiledSchema> alternatives,
        boolean oneOf,
        Path path,
        int hops,
        Collector out,
        boolean exact,
        java.util.function.Function<Branch, Task> taskFor) {
      if (alternatives.isEmpty()) {
        return;
      }
      List<Collector> branches = new ArrayList<>();
      for (int i = 0; i < alternatives.size(); i++) {
        branches.add(new Collector());
      }
      tasks.push(
          new Alternatives(path, oneOf ? "oneOf" : "anyOf", exact && oneOf, branches, hops, out));
      for (int i = alternatives.size() - 1; i >= 0; i--) {
        tasks.push(taskFor.apply(new Branch(alternatives.get(i), branches.get(i))));
      }
    }

    private void run(Alternatives task) {
      List<List<SchemaViolation>> failures = new ArrayList<>();
      int matches = 0;
      for (Collector branch : task.branches) {
        if (branch.violations.isEmpty()) {
          matches++;
        } else {
          failures.add(branch.violations);
        }
      }
      if (matches == 0) {
        for (SchemaViolation violation :
            noAlternativeMatched(task.path.text(), task.keyword, failures)) {
          task.out.add(violation.path(), violation.message());
        }
      } else if (matches > 1 && task.exactlyOne) {
        task.out.add(
            task.path,
            "matches " + matches + " of the oneOf alternatives but must match exactly one");
      }
    }

    private void run(Violation task) {
      task.out.add(task.path, task.message);
    }

    private static void checkNumber(
        CompiledSchema schema, JsonNode value, Path path, Collector out) {
      if (schema.minimum == null
          && schema.maximum == null
          && schema.exclusiveMinimum == null
          && schema.exclusiveMaximum == null
          && schema.multipleOf == null) {
        // No bounds to compare with: only finiteness is checked, as JsonEquality.decimal would
        // (an infinite or NaN double has no decimal value), without making the decimal.
        if (value.isFloatingPointNumber()
            && !Double.isFinite(value.doubleValue())
            && !value.isBigDecimal()) {
          out.add(path, "expected a finite number but got " + value.asText());
        }
        return;
      }
      BigDecimal number = JsonEquality.decimal(value);
      if (number == null) {
        out.add(path, "expected a finite number but got " + value.asText());
        return;
      }
      String text = value.asText();
      if (schema.minimum != null && number.compareTo(schema.minimum) < 0) {
        out.add(path, "must be at least " + schema.minimum.toPlainString() + " but is " + text);
      }
      if (schema.maximum != null && number.compareTo(schema.maximum) > 0) {
        out.add(path, "must be at most " + schema.maximum.toPlainString() + " but is " + text);
      }
      if (schema.exclusiveMinimum != null && number.compareTo(schema.exclusiveMinimum) <= 0) {
        out.add(
            path,
            "must be greater than " + schema.exclusiveMinimum.toPlainString() + " but is " + text);
      }
      if (schema.exclusiveMaximum != null && number.compareTo(schema.exclusiveMaximum) >= 0) {
        out.add(
            path,
            "must be less than " + schema.exclusiveMaximum.toPlainString() + " but is " + text);
      }
      if (schema.multipleOf != null && number.remainder(schema.multipleOf).signum() != 0) {
        out.add(
            path, "must be a multiple of " + schema.multipleOf.toPlainString() + " but is " + text);
      }
    }

    private static void checkString(CompiledSchema schema, String text, Path path, Collector out) {
      if (schema.minLength != null || schema.maxLength != null) {
        int length = text.codePointCount(0, text.length());
        if (schema.minLength != null && length < schema.minLength) {
          out.add(
              path, "must be at least " + schema.minLength + " characters long but has " + length);
        }
        if (schema.maxLength != null && length > schema.maxLength) {
          out.add(
              path, "must be at most " + schema.maxLength + " characters long but has " + length);
        }
      }
      if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
        out.add(path, "does not match the pattern " + schema.patternSource);
      }
    }
  }

  /** Violations gathered for one value or one alternative, capped at {@link #MAX_VIOLATIONS}. */
  private static final class Collector {
    final List<SchemaViolation> violations = new ArrayList<>();

    boolean full() {
      return violations.size() >= MAX_VIOLATIONS;
    }

    void add(String path, String message) {
      if (!full()) {
        violations.add(new SchemaViolation(path, message));
      }
    }

    void add(Path path, String message) {
      if (!full()) {
        violations.add(new SchemaViolation(path.text(), message));
      }
    }
  }

  /** What to check at the end of a path: a whole value, or only the kind of one being written. */
  private record Leaf(JsonNode value, SchemaType kind) {
    Task task(CompiledSchema schema, Path path, int hops, Collector out) {
      return value != null
          ? new Validate(schema, value, path, hops, out)
          : new Kind(schema, kind, path, hops, out);
    }
  }

  private record Branch(CompiledSchema schema, Collector out) {}

  private sealed interface Task
      permits Validate,
          Descend,
          Kind,
          Alternatives,
          Negation,
          Condition,
          Containment,
          NameCheck,
          Violation {
    Path path();

    int hops();

    Collector out();
  }

  private record Validate(CompiledSchema schema, JsonNode value, Path path, int hops, Collector out)
      implements Task {}

  private record Descend(
      CompiledSchema schema,
      List<String> tokens,
      int index,
      Path path,
      int hops,
      Leaf leaf,
      Collector out)
      implements Task {}

  private record Kind(CompiledSchema schema, SchemaType kind, Path path, int hops, Collector out)
      implements Task {}

  private record Alternatives(
      Path path,
      String keyword,
      boolean exactlyOne,
      List<Collector> branches,
      int hops,
      Collector out)
      implements Task {}

  /** Decides {@code not} once the value has been checked against its schema into {@code branch}. */
  private record Negation(
      CompiledSchema schema, Path path, Collector branch, int hops, Collector out)
      implements Task {}

  /** Decides whether {@code then} or {@code else} applies once {@code if} was checked. */
  private record Condition(
      CompiledSchema schema, JsonNode value, Path path, Collector branch, int hops, Collector out)
      implements Task {}

  /** Counts the array items that matched {@code contains}, one collector per item. */
  private record Containment(
      CompiledSchema schema, Path path, List<Collector> branches, int hops, Collector out)
      implements Task {}

  /** Reports a property name that broke {@code propertyNames}. */
  private record NameCheck(Path path, String name, Collector branch, int hops, Collector out)
      implements Task {}

  /** A violation found while scheduling children, reported in document order. */
  private record Violation(Path path, String message, int hops, Collector out) implements Task {}

  /**
   * Where a task's value sits, as a JSON Pointer spelled out only when a violation needs it: most
   * values are valid, and a pointer string per checked member is most of a validation's garbage.
   * Confined to one {@link Run}.
   */
  private static final class Path {
    static final Path ROOT = new Path(null, null, 0, "");

    private final Path parent;
    // The unescaped reference token, or null for an array index.
    private final String token;
    private final int index;
    private String text;

    private Path(Path parent, String token, int index, String text) {
      this.parent = parent;
      this.token = token;
      this.index = index;
      this.text = text;
    }

    static Path of(String pointer) {
      return pointer.isEmpty() ? ROOT : new Path(null, null, 0, pointer);
    }

    Path child(String name) {
      return new Path(this, name, 0, null);
    }

    Path index(int position) {
      return new Path(this, null, position, null);
    }

    /** The JSON Pointer; built without recursion, as paths may be as deep as the value. */
    String text() {
      if (text != null) {
        return text;
      }
      List<Path> unspelled = new ArrayList<>();
      Path spelled = this;
      while (spelled.text == null) {
        unspelled.add(spelled);
        spelled = spelled.parent;
      }
      String prefix = spelled.text;
      for (int i = unspelled.size() - 1; i >= 0; i--) {
        Path path = unspelled.get(i);
        prefix =
            SchemaValidator.child(
                prefix, path.token != null ? path.token : Integer.toString(path.index));
        path.text = prefix;
      }
      return prefix;
    }
  }

  /**
   * Explains why no alternative matched. When exactly one alternative got past this level (its
   * first problem lies deeper), its violations are the useful ones: {@code anyOf: [{object…},
   * {null}]} with a bad object reports what is wrong inside the object.
   */
  private static List<SchemaViolation> noAlternativeMatched(
      String path, String keyword, List<List<SchemaViolation>> failures) {
    List<SchemaViolation> deeper = null;
    int deeperCount = 0;
    for (List<SchemaViolation> failure : failures) {
      if (failure.get(0).path().length() > path.length()) {
        deeper = failure;
        deeperCount++;
      }
    }
    if (deeperCount == 1) {
      return deeper;
    }
    Set<String> messages =
        failures.stream()
            .map(failure -> failure.get(0))
            .filter(violation -> violation.path().equals(path))
            .map(SchemaViolation::message)
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    if (messages.size() == 1 && deeperCount == 0) {
      return List.of(new SchemaViolation(path, messages.iterator().next()));
    }
    String reasons =
        failures.stream()
            .map(failure -> failure.get(0).toString())
            .collect(Collectors.joining("; "));
    return List.of(
        new SchemaViolation(
            path,
            "matches none of the "
                + failures.size()
                + " "
                + keyword
                + " alternatives ("
                + reasons
                + ")"));
  }

  private static String notAllowed(CompiledSchema schema, String name) {
    return "property \""
        + name
        + "\" is not allowed"
        + (schema.properties.isEmpty()
            ? ""
            : "; allowed: " + String.join(", ", schema.properties.keySet()));
  }

  private static boolean hasValueOfKind(List<JsonNode> values, SchemaType kind) {
    for (JsonNode value : values) {
      if (SchemaType.of(value) == kind) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Set<CompiledSchema.Type> types) {
    List<String> names = types.stream().map(type -> type.schemaName).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  private static String typeName(JsonNode value) {
    return SchemaType.of(value).schemaName();
  }

  private static boolean containsEqual(List<JsonNode> values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (JsonEquality.equal(candidate, value)) {
        return true;
      }
    }
    return false;
  }

  private static String abbreviate(List<JsonNode> values) {
    String joined =
        values.stream().limit(10).map(SchemaValidator::shortText).collect(Collectors.joining(", "));
    return "[" + joined + (values.size() > 10 ? ", …" : "") + "]";
  }

  private static String shortText(JsonNode value) {
    String text = value.toString();
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
