package dev.reverie;

import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.JsonLimitException;
import dev.reverie.error.NoObjectGeneratedException;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.IncrementalJsonParser;
import dev.reverie.json.JsonChange;
import dev.reverie.json.JsonNodeCache;
import dev.reverie.json.JsonReadLimits;
import dev.reverie.json.JsonValue;
import dev.reverie.repair.RepairHook;
import dev.reverie.schema.SchemaValidator;
import dev.reverie.schema.SchemaViolation;
import dev.reverie.schema.ValidatedValues;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolInputDelta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A structured object streaming in while the model writes it.
 *
 * <p>Each text delta is fed once to an incremental JSON parser; the partial tree is updated along
 * the path that changed and shares every unchanged subtree with the previous snapshot, so each
 * update costs O(depth), not O(size). Numbers appear only once complete; strings grow as they
 * arrive.
 *
 * <p>Single-use: iterate <em>one</em> of {@link #partials()}, {@link #events()}, {@link
 * #elements()} or {@link #patches()}, once; {@link #result()} then drains what is left, validates
 * the object and returns it (or throws {@link NoObjectGeneratedException}). A provider failure is
 * thrown from the iterator when reached, and again from {@code result()}. Closing aborts the HTTP
 * exchange. Not thread-safe, except {@link #close()}.
 */
public final class ObjectStream<T> implements AutoCloseable {
  private final PartStream parts;
  private final Iterator<StreamPart> source;
  private final ObjectSchema<T> schema;
  private final SchemaValidator validator;
  // Completed array elements are converted and checked as they complete; the whole document is
  // checked again at the end. These let that final pass reuse both instead of redoing them.
  private final JsonNodeCache nodes = new JsonNodeCache();
  private final ValidatedValues validated = new ValidatedValues();
  private final RepairHook repairHook;
  private final boolean fromToolInput;
  private final IncrementalJsonParser parser = new IncrementalJsonParser(JsonReadLimits.DEFAULT);
  private final StringBuilder rawText = new StringBuilder();
  // Events for the view being iterated; for partials() alone, the bound partials themselves (no
  // event wrapped around each, and no violation events, which that view skips anyway).
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private final List<SchemaViolation> earlyViolations = new ArrayList<>();

  private boolean iterated;
  private boolean sourceDone;
  private ReverieException parseError;
  private ReverieException failure;
  private List<CallWarning> warnings = List.of();
  private Usage usage = Usage.ZERO;
  private FinishReason finishReason = FinishReason.UNKNOWN;
  private ProviderData metadata = ProviderData.EMPTY;
  private String toolCallInput;
  private ObjectResult<T> result;
  private boolean finished;
  // Kinds already accepted at a schema location (array indices folded to "-"): a long array of
  // records repeats the same few checks, and each one walks the schema from the root.
  private final java.util.Set<String> acceptedKinds = new java.util.HashSet<>();
  // The kinds accepted for the root value, as a bit mask by SchemaType ordinal.
  private int rootKinds;
  // The containers the parser is inside of, innermost last, mirrored from the changes: the parent
  // of a value is then known without resolving its path in a snapshot. Should the mirror ever
  // disagree with a change, the textual checks take over for the rest of the stream.
  private final ArrayList<EnclosingContainer> openContainers = new ArrayList<>();
  private boolean mirrorLost;
  private final boolean positionalItems;
  // Which events the chosen view needs; the others are not built (they cost allocation per delta).
  private boolean wantPartials = true;
  private boolean wantPatches = true;
  private boolean wantElements = true;
  private boolean partialsOnly;
  // The open array that the element isArrayElement last recognised sits in, when the mirror knows.
  private EnclosingContainer elementParent;

  ObjectStream(
      PartStream parts,
      ObjectSchema<T> schema,
      SchemaValidator validator,
      RepairHook repairHook,
      ObjectStrategy strategy) {
    this.parts = parts;
    this.source = parts.iterator();
    this.schema = schema;
    this.validator = validator;
    // With positional items an element's schema depends on its index: no folding then.
    this.positionalItems = validator.hasPositionalItems();
    this.repairHook = repairHook;
    this.fromToolInput = strategy == ObjectStrategy.FORCED_TOOL;
  }

  /**
   * An object read from any stream of parts, with the same incremental engine, validation and
   * repair as {@link LanguageModel#streamObject}: text deltas (or, for {@link
   * ObjectStrategy#FORCED_TOOL}, tool input deltas and the tool call) are the object's JSON, and
   * the {@link Finish} part gives the usage and finish reason. Used where the parts come from
   * elsewhere than one model call, such as the last step of an agent run. Closing it closes {@code
   * parts}.
   *
   * @param repair a last-resort repair hook, or null
   * @throws dev.reverie.schema.InvalidSchemaException when the schema cannot be compiled
   */
  public static <T> ObjectStream<T> of(
      PartStream parts, ObjectSchema<T> schema, ObjectStrategy strategy, RepairHook repair) {
    return new ObjectStream<>(
        java.util.Objects.requireNonNull(parts, "parts"),
        schema,
        schema.validator(),
        repair,
        java.util.Objects.requireNonNull(strategy, "strategy"));
  }

  /** Every event: typed partials, patches, completed array elements and early violations. */
  @SuppressWarnings("unchecked")
  public Iterable<ObjectEvent<T>> events() {
    return view(e -> (ObjectEvent<T>) e, true, true, true);
  }

  /** The typed partial object after each change; missing fields are null. */
  @SuppressWarnings("unchecked")
  public Iterable<T> partials() {
    return view(e -> (T) e, true, false, false);
  }

  /** Array elements, one by one, as each completes and validates against its schema. */
  @SuppressWarnings("unchecked")
  public Iterable<ObjectEvent.Element<T>> elements() {
    return view(
        e -> e instanceof ObjectEvent.Element<?> el ? (ObjectEvent.Element<T>) el : null,
        false,
        false,
        true);
  }

  /** Every change as a small JSON-Pointer patch. */
  public Iterable<JsonChange> patches() {
    return view(e -> e instanceof ObjectEvent.Patch<?> p ? p.change() : null, false, true, false);
  }

  /** Schema contradictions seen while streaming, so far. */
  public List<SchemaViolation> earlyViolations() {
    return List.copyOf(earlyViolations);
  }

  /**
   * Drains the stream and returns the validated object.
   *
   * @throws NoObjectGeneratedException when no valid object could be produced, even by repair
   * @throws ReverieException the provider's failure, if the stream failed
   */
  public ObjectResult<T> result() {
    if (result != null) return result;
    if (!iterated) {
      // Nobody looks at the events: only the final object is needed.
      iterated = true;
      wantPartials = false;
      wantPatches = false;
      wantElements = false;
    }
    try {
      while (advance()) pending.clear();
      pending.clear();
    } finally {
      close();
    }
    if (failure != null) throw failure;
    if (fromToolInput && toolCallInput == null && rawText.length() == 0) {
      throw new NoObjectGeneratedException(
          "the model did not call the object tool", "", usage, finishReason, null);
    }
    String text = rawText.toString();
    if (text.isBlank()) {
      throw new NoObjectGeneratedException(
          "the model produced no output", text, usage, finishReason, null);
    }
    Optional<JsonValue> parsed =
        parseError == null && parser.isComplete() ? parser.snapshot() : Optional.empty();
    var finished =
        ObjectFinisher.finish(
            text,
            parsed.map(tree -> new ObjectFinisher.Parsed(tree, tree.toJsonNode(nodes), validated)),
            validator,
            repairHook,
            usage,
            finishReason);
    result =
        new ObjectResult<>(
            schema.bind(finished.tree()),
            finished.tree(),
            text,
            finished.repaired(),
            usage,
            finishReason,
            warnings,
            metadata);
    return result;
  }

  @Override
  public void close() {
    parts.close();
  }

  private <R> Iterable<R> view(
      Function<Object, R> select, boolean partials, boolean patches, boolean elements) {
    return () -> {
      if (iterated) throw new IllegalStateException("an ObjectStream can be iterated only once");
      iterated = true;
      wantPartials = partials;
      wantPatches = patches;
      wantElements = elements;
      partialsOnly = partials && !patches && !elements;
      // Only snapshots are read: the parser need not describe every growing string.
      if (partialsOnly) parser.omitAppendedChanges();
      return new Iterator<R>() {
        private R next;

        @Override
        public boolean hasNext() {
          while (next == null) {
            Object event = pending.poll();
            if (event == null) {
              if (!advance()) {
                if (failure != null) throw failure;
                return false;
              }
              continue;
            }
            next = select.apply(event);
          }
          return true;
        }

        @Override
        public R next() {
          if (!hasNext()) throw new NoSuchElementException();
          R r = next;
          next = null;
          return r;
        }
      };
    };
  }

  /** Pulls one stream part; false when the source is exhausted. */
  private boolean advance() {
    if (sourceDone) return false;
    if (!source.hasNext()) {
      sourceDone = true;
      if (!finished && failure == null) {
        failure =
            new IncompleteStreamException(
                "the model's stream ended without finishing; the object may be truncated");
      }
      endOfText();
      return !pending.isEmpty();
    }
    StreamPart part = source.next();
    if (part instanceof StreamStart s) {
      warnings = s.warnings();
    } else if (part instanceof TextDelta t && !fromToolInput) {
      onText(t.delta());
    } else if (part instanceof ToolInputDelta t && fromToolInput) {
      onText(t.delta());
    } else if (part instanceof ToolCall c && fromToolInput && toolCallInput == null) {
      toolCallInput = c.call().input();
      // Some providers send the whole input only with the call, never as deltas.
      if (rawText.length() == 0) onText(toolCallInput);
    } else if (part instanceof Finish f) {
      finished = true;
      usage = f.usage();
      finishReason = f.finishReason();
      metadata = f.providerMetadata();
    } else if (part instanceof Error e) {
      failure = e.error();
      sourceDone = true;
      close();
    }
    return true;
  }

  private void onText(String delta) {
    if (rawText.length() + (long) delta.length() > JsonReadLimits.DEFAULT.maxDocumentLength()) {
      failure =
          new NoObjectGeneratedException(
              "the output exceeds the read limit of "
                  + JsonReadLimits.DEFAULT.maxDocumentLength()
                  + " characters",
              Json.abbreviate(rawText.toString()),
              usage,
              finishReason,
              null);
      sourceDone = true;
      close();
      return;
    }
    rawText.append(delta);
    if (parseError != null) return;
    try {
      apply(parser.feed(delta));
    } catch (JsonLimitException e) {
      // Hostile size or depth: stop reading at once instead of buffering more.
      failure =
          new NoObjectGeneratedException(
              "the object exceeds the read limits: " + e.getMessage(),
              Json.abbreviate(rawText.toString()),
              usage,
              finishReason,
              e);
      sourceDone = true;
      close();
    } catch (ReverieException e) {
      // Malformed so far: stop incremental parsing; the end tries repair on the raw text.
      parseError = e;
    }
  }

  private void endOfText() {
    if (parseError != null || rawText.length() == 0) return;
    try {
      apply(parser.endOfInput());
    } catch (ReverieException e) {
      parseError = e;
    }
  }

  private void apply(List<JsonChange> changes) {
    boolean visible = parser.grewSilently();
    if (changes.isEmpty() && !visible) return;
    // Indexed: the parser's lists are random access, and an iterator per delta is garbage.
    for (int i = 0, n = changes.size(); i < n; i++) {
      JsonChange change = changes.get(i);
      if (change instanceof JsonChange.Added added) {
        visible = true;
        if (wantPatches) pending.add(new ObjectEvent.Patch<>(change));
        EnclosingContainer parent = parentOf(added.path());
        // A null is judged at the end: it may stand for an optional property left out.
        if (!added.value().isNull()) {
          dev.reverie.schema.SchemaType kind = schemaKind(added.value());
          if (kind != null) checkKind(added.path(), kind, parent);
        }
        if (!mirrorLost && (added.value().isObject() || added.value().isArray())) {
          openContainers.add(open(added.path(), added.value().isArray(), parent));
        }
      } else if (change instanceof JsonChange.Appended) {
        visible = true;
        if (wantPatches) pending.add(new ObjectEvent.Patch<>(change));
      } else if (change instanceof JsonChange.Completed completed) {
        if (isArrayElement(completed)) {
          Optional<SchemaViolation> v = checkElement(completed);
          if (v.isPresent()) violation(v.get());
          else if (wantElements) {
            pending.add(new ObjectEvent.Element<>(completed.path(), completed.value()));
          }
        }
      }
    }
    if (visible && partialsOnly) {
      // Nobody sees the tree: bind straight from the parser's open containers.
      T value = schema.bindCurrent(parser);
      // The view skips a partial that binds to null, as it did when it unwrapped the event.
      if (value != null) pending.add(value);
    } else if (visible && wantPartials) {
      JsonValue tree = parser.snapshot().orElseThrow();
      pending.add(new ObjectEvent.Partial<>(schema.bind(tree), tree));
    }
  }

  private static dev.reverie.schema.SchemaType schemaKind(JsonValue value) {
    return switch (value.kind()) {
      case OBJECT -> dev.reverie.schema.SchemaType.OBJECT;
      case ARRAY -> dev.reverie.schema.SchemaType.ARRAY;
      case STRING -> dev.reverie.schema.SchemaType.STRING;
      case BOOLEAN -> dev.reverie.schema.SchemaType.BOOLEAN;
      case NULL -> dev.reverie.schema.SchemaType.NULL;
      case NUMBER -> numberKind((dev.reverie.json.JsonNumber) value);
    };
  }

  /**
   * {@code INTEGER} for any whole number however written ({@code 1}, {@code 1.0}, {@code 1e2}), as
   * {@link dev.reverie.schema.SchemaType} and the final validation count it; null when no decimal
   * can hold it (the final verdict reports it).
   */
  private static dev.reverie.schema.SchemaType numberKind(dev.reverie.json.JsonNumber number) {
    if (number.isIntegral()) return dev.reverie.schema.SchemaType.INTEGER;
    String text = number.text();
    int dot = text.indexOf('.');
    if (dot >= 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      // No exponent: whole exactly when every fraction digit is 0 (no decimal made per number).
      for (int i = dot + 1; i < text.length(); i++) {
        if (text.charAt(i) != '0') return dev.reverie.schema.SchemaType.NUMBER;
      }
      return dev.reverie.schema.SchemaType.INTEGER;
    }
    try {
      java.math.BigDecimal decimal = number.bigDecimal();
      return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0
          ? dev.reverie.schema.SchemaType.INTEGER
          : dev.reverie.schema.SchemaType.NUMBER;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** A container the parser is inside of, and its schema location. */
  private record EnclosingContainer(String path, boolean array, Location location) {}

  /**
   * A schema location (a JSON Pointer with array indices folded to "-"), shared by every container
   * found there, with the kinds accepted for its children as bit masks by SchemaType ordinal: a
   * long array of records repeats the same few checks, and each one walks the schema from the root.
   */
  private static final class Location {
    private static final String[] NO_TOKENS = new String[0];

    // For an array: its elements, and their sub-schema once resolved (null: not yet asked).
    private int elementKinds;
    private Location elements;
    private Optional<SchemaValidator.ResolvedLocation> elementSchema;
    // For an object: its members, by reference token, looked up without making the token.
    private String[] tokens = NO_TOKENS;
    private int[] memberKinds = new int[0];
    private Location[] members = new Location[0];

    /** The slot of the member whose reference token ends {@code path} after {@code start}. */
    int slot(String path, int start) {
      int length = path.length() - start;
      for (int i = 0; i < tokens.length; i++) {
        String token = tokens[i];
        if (token.length() == length && path.regionMatches(start, token, 0, length)) return i;
      }
      int slot = tokens.length;
      tokens = Arrays.copyOf(tokens, slot + 1);
      tokens[slot] = path.substring(start);
      memberKinds = Arrays.copyOf(memberKinds, slot + 1);
      members = Arrays.copyOf(members, slot + 1);
      return slot;
    }

    Location elements() {
      if (elements == null) elements = new Location();
      return elements;
    }

    Location member(int slot) {
      if (members[slot] == null) members[slot] = new Location();
      return members[slot];
    }
  }

  private EnclosingContainer open(String path, boolean array, EnclosingContainer parent) {
    Location location;
    if (parent == null) location = new Location();
    else if (parent.array) location = parent.location.elements();
    else location = parent.location.member(parent.location.slot(path, parent.path.length() + 1));
    return new EnclosingContainer(path, array, location);
  }

  /**
   * The innermost open container, when it is the parent of the value at {@code path}; null for the
   * root value, or once the mirror is lost.
   */
  private EnclosingContainer parentOf(String path) {
    if (mirrorLost) return null;
    if (openContainers.isEmpty()) {
      if (!path.isEmpty()) mirrorLost = true;
      return null;
    }
    EnclosingContainer top = openContainers.get(openContainers.size() - 1);
    int length = top.path.length();
    if (path.length() > length
        && path.charAt(length) == '/'
        && path.indexOf('/', length + 1) < 0
        && path.startsWith(top.path)) {
      return top;
    }
    mirrorLost = true;
    return null;
  }

  private void checkKind(
      String path, dev.reverie.schema.SchemaType kind, EnclosingContainer parentOrNull) {
    if (positionalItems || (parentOrNull == null && (mirrorLost || !path.isEmpty()))) {
      checkKind(path, kind);
      return;
    }
    int bit = 1 << kind.ordinal();
    Location parent = parentOrNull == null ? null : parentOrNull.location;
    int slot = -1;
    int accepted;
    if (parent == null) {
      accepted = rootKinds;
    } else if (parentOrNull.array) {
      accepted = parent.elementKinds;
    } else {
      slot = parent.slot(path, parentOrNull.path.length() + 1);
      accepted = parent.memberKinds[slot];
    }
    if ((accepted & bit) != 0) return;
    Optional<SchemaViolation> violation = validator.checkKind(path, kind);
    if (violation.isPresent()) {
      violation(violation.get());
    } else if (parent == null) {
      rootKinds |= bit;
    } else if (parentOrNull.array) {
      parent.elementKinds |= bit;
    } else {
      parent.memberKinds[slot] |= bit;
    }
  }

  private void checkKind(String path, dev.reverie.schema.SchemaType kind) {
    String key = positionalItems ? null : kind.ordinal() + foldIndices(path);
    if (key != null && acceptedKinds.contains(key)) return;
    Optional<SchemaViolation> violation = validator.checkKind(path, kind);
    if (violation.isPresent()) violation(violation.get());
    else if (key != null) acceptedKinds.add(key);
  }

  private static String foldIndices(String path) {
    var folded = new StringBuilder(path.length());
    int i = 0;
    while (i < path.length()) {
      int next = path.indexOf('/', i + 1);
      if (next < 0) next = path.length();
      boolean digits = next > i + 1;
      for (int j = i + 1; j < next && digits; j++) digits = Character.isDigit(path.charAt(j));
      folded.append(digits ? "/-" : path.substring(i, next));
      i = next;
    }
    return folded.toString();
  }

  private void violation(SchemaViolation v) {
    earlyViolations.add(v);
    if (!partialsOnly) pending.add(new ObjectEvent.Violation<>(v));
  }

  /**
   * Checks a completed array element against its sub-schema, resolved once per array location
   * (every element of {@code /books/-} has the same one) unless it depends on the index.
   */
  private Optional<SchemaViolation> checkElement(JsonChange.Completed completed) {
    JsonValue value = completed.value();
    Location array = elementParent == null ? null : elementParent.location;
    if (array != null && !positionalItems) {
      if (array.elementSchema == null) array.elementSchema = validator.resolve(completed.path());
      if (array.elementSchema.isPresent()) {
        SchemaValidator.ResolvedLocation at = array.elementSchema.get();
        // A scalar whose kind was accepted when it appeared, where nothing else is asked of it
        // (genres, tags): valid. Its container's check looks at it again anyway.
        if (at.checksScalarsOnlyByKind()
            && !value.isNull()
            && !value.isObject()
            && !value.isArray()) {
          dev.reverie.schema.SchemaType kind = schemaKind(value);
          if (kind != null && (array.elementKinds & (1 << kind.ordinal())) != 0) {
            return Optional.empty();
          }
        }
        return validator.checkComplete(at, completed.path(), value.toJsonNode(nodes), validated);
      }
    }
    return validator.checkComplete(completed.path(), value.toJsonNode(nodes), validated);
  }

  /** Whether the completed value is an array element; a completed container is closed here. */
  private boolean isArrayElement(JsonChange.Completed completed) {
    String path = completed.path();
    if (!mirrorLost && (completed.value().isObject() || completed.value().isArray())) {
      int last = openContainers.size() - 1;
      if (last >= 0 && openContainers.get(last).path.equals(path)) {
        openContainers.remove(last);
      } else {
        mirrorLost = true;
      }
    }
    elementParent = null;
    if (mirrorLost) return isArrayElement(path);
    if (path.isEmpty()) return false;
    EnclosingContainer parent = parentOf(path);
    if (parent != null && parent.array) elementParent = parent;
    return parent != null ? parent.array : isArrayElement(path);
  }

  // An element path ends in an array index; the parser knows, but a cheap textual check is
  // enough: its parent in the current snapshot is an array.
  private boolean isArrayElement(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0 || slash == path.length() - 1) return false;
    for (int i = slash + 1; i < path.length(); i++) {
      if (!Character.isDigit(path.charAt(i))) return false;
    }
    return parser
        .snapshot()
        .flatMap(root -> root.at(path.substring(0, slash)))
        .map(JsonValue::isArray)
        .orElse(false);
  }
}
