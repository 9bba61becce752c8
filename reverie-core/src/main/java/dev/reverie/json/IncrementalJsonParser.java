package dev.reverie.json;

import dev.reverie.error.JsonLimitException;
import dev.reverie.error.ReverieException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one JSON value from text that arrives in pieces, such as a model's output deltas, and shows
 * the value while it is still being written.
 *
 * <p>Shaped like Jackson's non-blocking parser: {@link #feed(CharSequence)} takes the next piece,
 * split anywhere (inside a string, an escape, a surrogate pair, a number or a literal), and keeps
 * its state between pieces; an unfinished tail is never an error, only "need more input". Each
 * character is looked at once, and the parser never recurses, so a feed costs O(piece length +
 * nesting depth), plus the length of the JSON Pointer of each change it reports.
 *
 * <p>What becomes visible, as {@link JsonChange}s and in {@link #snapshot()}: containers when
 * opened; a string as soon as its opening quote is read, growing as its characters arrive; a
 * number, {@code true}, {@code false} or {@code null} only once complete (a number when a delimiter
 * follows it or at {@link #endOfInput()}, so {@code 195} is never shown before {@code 1954}); an
 * object member once its value has started.
 *
 * <p>Models wrap JSON: whitespace and one Markdown code fence (<code>```json</code> or <code>```
 * </code>) before the value are skipped, and anything after the root value closes (a closing fence,
 * a remark) is ignored.
 *
 * <p>Malformed text ({@code {"a" 1}}, {@code [1,,2]}) throws {@link JsonSyntaxException}; a read
 * limit throws {@link JsonLimitException}. After either the parser stays failed: later calls
 * rethrow the same exception, and {@link #snapshot()} still shows what was read before it.
 *
 * <p>Not thread-safe; the snapshots and changes it returns are immutable and may be shared freely.
 */
public final class IncrementalJsonParser {
  private static final int BEFORE_ROOT = 0;
  private static final int FENCE = 1;
  private static final int FENCE_INFO = 2;
  private static final int AFTER_FENCE = 3;
  private static final int VALUE = 4;
  private static final int ARRAY_FIRST = 5;
  private static final int OBJECT_FIRST = 6;
  private static final int NAME_NEXT = 7;
  private static final int NAME = 8;
  private static final int COLON = 9;
  private static final int STRING = 10;
  private static final int ESCAPE = 11;
  private static final int UNICODE = 12;
  private static final int NUMBER = 13;
  private static final int LITERAL = 14;
  private static final int AFTER_VALUE = 15;
  private static final int DONE = 16;

  // Where a number stands: after '-', a leading '0', integer digits, '.', fraction digits,
  // 'e', the exponent sign, exponent digits.
  private static final int MINUS = 0;
  private static final int ZERO = 1;
  private static final int INTEGER = 2;
  private static final int DOT = 3;
  private static final int FRACTION = 4;
  private static final int EXPONENT_MARK = 5;
  private static final int EXPONENT_SIGN = 6;
  private static final int EXPONENT = 7;
  private static final int NUMBER_ENDED = -1;
  private static final int NUMBER_INVALID = -2;

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final JsonReadLimits limits;
  private int state = BEFORE_ROOT;
  private OpenContainer[] stack = new OpenContainer[8];
  private int depth;
  private long consumed;
  private long base;
  private int fenceTicks;

  // The value string being read: its buffer is shared with snapshots of it, so it is reused for
  // the next string only if no snapshot saw it.
  private char[] chars = new char[32];
  private int length;
  private boolean charsShared;
  private boolean stringOpen;
  private String stringPath;
  private boolean stringAddedPending;
  private int stringFlushed;
  private JsonString openStringValue;

  private final StringBuilder name = new StringBuilder();
  private final NameCache names = new NameCache();
  private boolean inName;
  private int unicodeDigits;
  private int unicodeValue;

  private final StringBuilder number = new StringBuilder();
  private int numberPhase;
  private long numberStart;
  private String literal;
  private int literalIndex;
  private JsonValue literalValue;

  private JsonValue root;
  private boolean snapshotStale;
  private Optional<JsonValue> snapshot = Optional.empty();
  // Most pieces cause one change (a string grew): it is held alone, without a list.
  private JsonChange firstChange;
  private ArrayList<JsonChange> changes;
  private ReverieException failure;
  private boolean ended;
  // See omitAppendedChanges: a string grew in the last feed, unreported.
  private boolean reportAppends = true;
  private boolean grewSilently;

  public IncrementalJsonParser(JsonReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A parser with {@link JsonReadLimits#DEFAULT}. */
  public IncrementalJsonParser() {
    this(JsonReadLimits.DEFAULT);
  }

  /**
   * Reads the next piece of text.
   *
   * @return the visible changes it caused, in order (often none)
   * @throws JsonSyntaxException when the text so far cannot be the start of a JSON value
   * @throws JsonLimitException when a read limit is exceeded
   * @throws IllegalStateException after {@link #endOfInput()}
   */
  public List<JsonChange> feed(CharSequence delta) {
    Objects.requireNonNull(delta, "delta");
    checkUsable();
    int n = delta.length();
    grewSilently = false;
    if (n == 0) return List.of();
    base = consumed;
    try {
      if (consumed + n > limits.maxDocumentLength()) {
        consumed += n;
        throw new JsonLimitException(
            "the JSON text is longer than the limit of "
                + limits.maxDocumentLength()
                + " characters");
      }
      consumed += n;
      run(delta, n);
      flushString();
    } catch (ReverieException e) {
      failure = e;
      throw e;
    }
    return takeChanges();
  }

  /**
   * Tells the parser no more text will come: a number at the very end is now complete. An
   * unfinished value is not an error here; {@link #isComplete()} tells whether the value closed.
   *
   * @return the changes this caused (a final number appearing), in order
   */
  public List<JsonChange> endOfInput() {
    if (failure != null) throw failure;
    grewSilently = false;
    if (ended) return List.of();
    ended = true;
    try {
      if (state == NUMBER && canEnd(numberPhase)) completeNumber();
    } catch (ReverieException e) {
      failure = e;
      throw e;
    }
    return takeChanges();
  }

  /**
   * The value as it stands: an immutable tree sharing every unchanged subtree with the previous
   * snapshot, with incomplete parts as far as they are written. Empty until the value starts. Built
   * only when asked, and the same instance until the next visible change.
   */
  public Optional<JsonValue> snapshot() {
    if (snapshotStale) {
      snapshot = Optional.ofNullable(buildSnapshot());
      snapshotStale = false;
    }
    return snapshot;
  }

  /**
   * For a consumer that reads only {@link #snapshot()}: stops reporting {@link JsonChange.Appended}
   * changes, an object and a string made on nearly every delta otherwise. A growing string still
   * shows in the snapshot, and {@link #grewSilently()} tells that the last feed grew one. Every
   * other change is reported as before.
   */
  public void omitAppendedChanges() {
    reportAppends = false;
  }

  /**
   * Whether the last {@link #feed} grew a string visibly without reporting it (only after {@link
   * #omitAppendedChanges()}): the snapshot changed although the changes may be empty.
   */
  public boolean grewSilently() {
    return grewSilently;
  }

  /** Whether the root value has closed. */
  public boolean isComplete() {
    return state == DONE;
  }

  /** How many characters have been fed in total. */
  public long consumed() {
    return consumed;
  }

  // ---- the state machine ------------------------------------------------------------------

  private void run(CharSequence in, int n) {
    int i = 0;
    while (i < n) {
      switch (state) {
        case STRING -> {
          i = readString(in, i, n);
          continue;
        }
        case NAME -> {
          i = readName(in, i, n);
          continue;
        }
        case NUMBER -> {
          i = readNumber(in, i, n);
          continue;
        }
        case DONE -> {
          return;
        }
        default -> {}
      }
      char c = in.charAt(i);
      switch (state) {
        case BEFORE_ROOT -> {
          if (c == '`') {
            state = FENCE;
            fenceTicks = 1;
          } else if (!isWhitespace(c) && c != BYTE_ORDER_MARK) {
            startValue(c, i);
          }
          i++;
        }
        case FENCE -> {
          if (c == '`') {
            fenceTicks++;
            i++;
          } else if (fenceTicks >= 3) {
            state = FENCE_INFO;
          } else {
            throw syntax("expected a JSON value", c, i);
          }
        }
        case FENCE_INFO -> {
          if (isWhitespace(c)) {
            state = AFTER_FENCE;
          } else if (c == '{' || c == '[') {
            startValue(c, i);
          } else if (!isFenceInfo(c)) {
            throw syntax("expected a JSON value after the code fence", c, i);
          }
          i++;
        }
        case AFTER_FENCE, VALUE -> {
          if (!isWhitespace(c)) startValue(c, i);
          i++;
        }
        case ARRAY_FIRST -> {
          if (c == ']') close(c, i);
          else if (!isWhitespace(c)) startValue(c, i);
          i++;
        }
        case OBJECT_FIRST -> {
          if (c == '"') startName();
          else if (c == '}') close(c, i);
          else if (!isWhitespace(c)) throw syntax("expected a member name or '}'", c, i);
          i++;
        }
        case NAME_NEXT -> {
          if (c == '"') startName();
          else if (!isWhitespace(c)) throw syntax("expected a member name", c, i);
          i++;
        }
        case COLON -> {
          if (c == ':') state = VALUE;
          else if (!isWhitespace(c)) throw syntax("expected ':' after the member name", c, i);
          i++;
        }
        case AFTER_VALUE -> {
          if (c == ',') {
            state = stack[depth - 1].object ? NAME_NEXT : VALUE;
          } else if (c == '}' || c == ']') {
            close(c, i);
          } else if (!isWhitespace(c)) {
            throw syntax(
                stack[depth - 1].object ? "expected ',' or '}'" : "expected ',' or ']'", c, i);
          }
          i++;
        }
        case ESCAPE -> {
          escape(c, i);
          i++;
        }
        case UNICODE -> {
          int digit = hexValue(c);
          if (digit < 0) throw syntax("expected a hex digit in a \\u escape", c, i);
          unicodeValue = (unicodeValue << 4) | digit;
          if (++unicodeDigits == 4) {
            state = inName ? NAME : STRING;
            appendEscaped((char) unicodeValue, i);
          }
          i++;
        }
        case LITERAL -> {
          if (c != literal.charAt(literalIndex)) throw syntax("invalid literal", c, i);
          if (++literalIndex == literal.length()) completeScalar(literalValue);
          i++;
        }
        default -> throw new IllegalStateException("parser state " + state);
      }
    }
  }

  private void startValue(char c, int i) {
    switch (c) {
      case '{' -> open(true, i);
      case '[' -> open(false, i);
      case '"' -> startString();
      case 't' -> startLiteral("true", JsonBoolean.TRUE);
      case 'f' -> startLiteral("false", JsonBoolean.FALSE);
      case 'n' -> startLiteral("null", JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) startNumber(c, i);
        else throw syntax("expected a JSON value", c, i);
      }
    }
  }

  /** The pointer of the value being started now. */
  private String childPath() {
    return depth == 0 ? "" : path(depth, stack[depth - 1].childToken());
  }

  /**
   * The pointer made of the tokens of the first {@code levels} open containers, then {@code last}.
   */
  private String path(int levels, String last) {
    int kept = levels - 1;
    while (stack[kept].path == null) kept--;
    String prefix = stack[kept].path;
    if (kept == levels - 1) return last == null ? prefix : prefix + "/" + last;
    StringBuilder out = new StringBuilder(prefix.length() + 16).append(prefix);
    for (int d = kept + 1; d < levels; d++) out.append('/').append(stack[d].token);
    if (last != null) out.append('/').append(last);
    return out.toString();
  }

  /** A value just finished: it becomes the root, or the newest member of its container. */
  private void valueDone(JsonValue value) {
    snapshotStale = true;
    if (depth == 0) {
      root = value;
      state = DONE;
    } else {
      stack[depth - 1].append(value);
      state = AFTER_VALUE;
    }
  }

  // ---- containers ---------------------------------------------------------------------------

  private void open(boolean object, int i) {
    if (depth >= limits.maxDepth()) {
      throw new JsonLimitException(
          "the JSON nesting is deeper than the limit of "
              + limits.maxDepth()
              + " at offset "
              + (base + i));
    }
    String token = depth == 0 ? null : stack[depth - 1].childToken();
    String path = depth == 0 ? "" : path(depth, token);
    if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
    stack[depth++] = new OpenContainer(object, token, path);
    addChange(new JsonChange.Added(path, object ? JsonObject.EMPTY_OPEN : JsonArray.EMPTY_OPEN));
    snapshotStale = true;
    state = object ? OBJECT_FIRST : ARRAY_FIRST;
  }

  private void close(char c, int i) {
    OpenContainer container = stack[depth - 1];
    if ((c == '}') != container.object) {
      throw syntax(container.object ? "expected '}'" : "expected ']'", c, i);
    }
    String path = path(depth, null);
    stack[--depth] = null;
    JsonValue value = container.finish();
    addChange(new JsonChange.Completed(path, value));
    valueDone(value);
  }

  // ---- strings and member names ------------------------------------------------------------

  private void startString() {
    if (charsShared) {
      chars = new char[32];
      charsShared = false;
    }
    length = 0;
    stringOpen = true;
    stringPath = childPath();
    stringAddedPending = true;
    stringFlushed = 0;
    openStringValue = null;
    inName = false;
    state = STRING;
    snapshotStale = true;
  }

  private int readString(CharSequence in, int i, int n) {
    int start = i;
    while (i < n) {
      char c = in.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) break;
      i++;
    }
    if (i > start) appendChars(in, start, i);
    if (i == n) return i;
    char c = in.charAt(i);
    if (c == '"') {
      closeString();
    } else if (c == '\\') {
      state = ESCAPE;
    } else {
      throw syntax("unescaped control character in a string", c, i);
    }
    return i + 1;
  }

  private void appendChars(CharSequence in, int start, int end) {
    int count = end - start;
    ensureStringRoom(count, start);
    if (in instanceof String s) {
      s.getChars(start, end, chars, length);
      length += count;
    } else {
      for (int k = start; k < end; k++) chars[length++] = in.charAt(k);
    }
    snapshotStale = true;
  }

  private void ensureStringRoom(int count, int i) {
    int needed = length + count;
    if (needed > limits.maxStringLength()) throw stringTooLong(i);
    if (needed > chars.length) {
      int capacity =
          (int) Math.min(Math.max((long) chars.length * 2, needed), Integer.MAX_VALUE - 8);
      chars = Arrays.copyOf(chars, capacity);
    }
  }

  private JsonLimitException stringTooLong(int i) {
    return new JsonLimitException(
        "a JSON string is longer than the limit of "
            + limits.maxStringLength()
            + " characters at offset "
            + (base + i));
  }

  private void closeString() {
    String text = new String(chars, 0, length);
    JsonString value = new JsonString(text, true);
    if (stringAddedPending) {
      addChange(new JsonChange.Added(stringPath, value));
    } else if (length > stringFlushed) {
      if (reportAppends) {
        addChange(new JsonChange.Appended(stringPath, text.substring(stringFlushed)));
      } else {
        grewSilently = true;
      }
    }
    addChange(new JsonChange.Completed(stringPath, value));
    stringOpen = false;
    stringPath = null;
    openStringValue = null;
    valueDone(value);
  }

  /** Reports the growth of the open string at the end of a piece: one change per piece. */
  private void flushString() {
    if (!stringOpen) return;
    int visible = visibleLength();
    if (stringAddedPending) {
      addChange(new JsonChange.Added(stringPath, openString(visible)));
      stringAddedPending = false;
      stringFlushed = visible;
    } else if (visible > stringFlushed) {
      if (reportAppends) {
        addChange(
            new JsonChange.Appended(
                stringPath, new String(chars, stringFlushed, visible - stringFlushed)));
      } else {
        grewSilently = true;
      }
      stringFlushed = visible;
    }
  }

  // A high surrogate at the end waits for its low half, so partial text never shows half a
  // character.
  private int visibleLength() {
    return length > 0 && Character.isHighSurrogate(chars[length - 1]) ? length - 1 : length;
  }

  private JsonString openString(int visible) {
    JsonString value = openStringValue;
    if (value == null || value.length() != visible) {
      charsShared = true;
      value = new JsonString(chars, visible, false);
      openStringValue = value;
    }
    return value;
  }

  private void startName() {
    name.setLength(0);
    inName = true;
    state = NAME;
  }

  private int readName(CharSequence in, int i, int n) {
    int start = i;
    while (i < n) {
      char c = in.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) break;
      i++;
    }
    if (i > start) {
      if (name.length() + (i - start) > limits.maxStringLength()) throw stringTooLong(start);
      name.append(in, start, i);
    }
    if (i == n) return i;
    char c = in.charAt(i);
    if (c == '"') {
      stack[depth - 1].pendingName = names.intern(name);
      inName = false;
      state = COLON;
    } else if (c == '\\') {
      state = ESCAPE;
    } else {
      throw syntax("unescaped control character in a member name", c, i);
    }
    return i + 1;
  }

  private void escape(char c, int i) {
    char decoded;
    switch (c) {
      case '"', '\\', '/' -> decoded = c;
      case 'b' -> decoded = '\b';
      case 'f' -> decoded = '\f';
      case 'n' -> decoded = '\n';
      case 'r' -> decoded = '\r';
      case 't' -> decoded = '\t';
      case 'u' -> {
        state = UNICODE;
        unicodeDigits = 0;
        unicodeValue = 0;
        return;
      }
      default -> throw syntax("invalid escape sequence", c, i);
    }
    state = inName ? NAME : STRING;
    appendEscaped(decoded, i);
  }

  private void appendEscaped(char c, int i) {
    if (inName) {
      if (name.length() >= limits.maxStringLength()) throw stringTooLong(i);
      name.append(c);
    } else {
      ensureStringRoom(1, i);
      chars[length++] = c;
      snapshotStale = true;
    }
  }

  // ---- numbers and literals ----------------------------------------------------------------

  private void startNumber(char c, int i) {
    numberStart = base + i;
    number.setLength(0);
    number.append(c);
    numberPhase = c == '-' ? MINUS : c == '0' ? ZERO : INTEGER;
    state = NUMBER;
  }

  private int readNumber(CharSequence in, int i, int n) {
    while (i < n) {
      char c = in.charAt(i);
      int next = nextPhase(numberPhase, c);
      if (next < 0) {
        if (next == NUMBER_ENDED && canEnd(numberPhase)) {
          completeNumber();
          return i;
        }
        throw syntax("invalid number", c, i);
      }
      if (number.length() >= limits.maxNumberLength()) {
        throw new JsonLimitException(
            "a JSON number is longer than the limit of "
                + limits.maxNumberLength()
                + " characters at offset "
                + (base + i));
      }
      number.append(c);
      numberPhase = next;
      i++;
    }
    return i;
  }

  private static int nextPhase(int phase, char c) {
    boolean digit = c >= '0' && c <= '9';
    boolean exponent = c == 'e' || c == 'E';
    return switch (phase) {
      case MINUS -> digit ? (c == '0' ? ZERO : INTEGER) : NUMBER_INVALID;
      case ZERO ->
          digit ? NUMBER_INVALID : c == '.' ? DOT : exponent ? EXPONENT_MARK : NUMBER_ENDED;
      case INTEGER -> digit ? INTEGER : c == '.' ? DOT : exponent ? EXPONENT_MARK : NUMBER_ENDED;
      case DOT -> digit ? FRACTION : NUMBER_INVALID;
      case FRACTION -> digit ? FRACTION : exponent ? EXPONENT_MARK : NUMBER_ENDED;
      case EXPONENT_MARK ->
          digit ? EXPONENT : (c == '+' || c == '-') ? EXPONENT_SIGN : NUMBER_INVALID;
      case EXPONENT_SIGN -> digit ? EXPONENT : NUMBER_INVALID;
      case EXPONENT -> digit ? EXPONENT : NUMBER_ENDED;
      default -> NUMBER_INVALID;
    };
  }

  private static boolean canEnd(int phase) {
    return phase == ZERO || phase == INTEGER || phase == FRACTION || phase == EXPONENT;
  }

  private void completeNumber() {
    if (numberPhase == EXPONENT) checkExponent();
    completeScalar(new JsonNumber(number.toString()));
  }

  // BigDecimal takes exponents that fit in an int; a longer one is a hostile number, not data.
  private void checkExponent() {
    int k = number.length();
    int significant = 0;
    while (k > 0) {
      char c = number.charAt(k - 1);
      if (c < '0' || c > '9') break;
      k--;
    }
    for (int j = k; j < number.length(); j++) {
      if (significant > 0 || number.charAt(j) != '0') significant++;
    }
    if (significant > 9) {
      throw new JsonLimitException(
          "a JSON number's exponent is out of range at offset "
              + numberStart
              + ": "
              + abbreviated());
    }
  }

  private String abbreviated() {
    return number.length() <= 40 ? number.toString() : number.substring(0, 40) + "…";
  }

  private void startLiteral(String text, JsonValue value) {
    literal = text;
    literalValue = value;
    literalIndex = 1;
    state = LITERAL;
  }

  private void completeScalar(JsonValue value) {
    String path = childPath();
    addChange(new JsonChange.Added(path, value));
    addChange(new JsonChange.Completed(path, value));
    valueDone(value);
  }

  // ---- snapshots, changes, errors -------------------------------------------------------

  private JsonValue buildSnapshot() {
    JsonValue leaf = openLeaf();
    if (depth == 0) return leaf != null ? leaf : root;
    return snapshotOf(0, leaf);
  }

  // ---- the open path, for TypedBinder.bindCurrent -----------------------------------------

  /** How many containers are open. */
  int openDepth() {
    return depth;
  }

  /** The open container at {@code level} (0 is the root). */
  OpenContainer openContainer(int level) {
    return stack[level];
  }

  /** The string being written as the innermost value, as far as it is visible; else null. */
  JsonValue openLeaf() {
    return stringOpen ? openString(visibleLength()) : null;
  }

  /** The root once it is complete, else null. */
  JsonValue completeRoot() {
    return root;
  }

  /**
   * The open containers from {@code level} down, captured so that their snapshot (with {@link
   * #openLeaf()}) can be built later; levels that did not change since the last capture are shared
   * with it.
   */
  OpenPathCapture captureFrom(int level) {
    OpenPathCapture below = null;
    for (int d = depth - 1; d >= level; d--) below = stack[d].capture(below);
    return below;
  }

  /** The open container at {@code level} as it appears in {@link #snapshot()}. */
  JsonValue openSnapshot(int level) {
    return snapshotOf(level, openLeaf());
  }

  private JsonValue snapshotOf(int level, JsonValue leaf) {
    JsonValue child = leaf;
    for (int d = depth - 1; d >= level; d--) child = stack[d].snapshot(child);
    return child;
  }

  private void addChange(JsonChange change) {
    if (firstChange == null) {
      firstChange = change;
      return;
    }
    if (changes == null) {
      changes = new ArrayList<>(4);
      changes.add(firstChange);
    }
    changes.add(change);
  }

  private List<JsonChange> takeChanges() {
    List<JsonChange> taken;
    if (changes != null) taken = Collections.unmodifiableList(changes);
    else if (firstChange != null) taken = Collections.singletonList(firstChange);
    else taken = List.of();
    changes = null;
    firstChange = null;
    return taken;
  }

  private void checkUsable() {
    if (failure != null) throw failure;
    if (ended) throw new IllegalStateException("endOfInput() was already called");
  }

  private JsonSyntaxException syntax(String message, char found, int i) {
    return new JsonSyntaxException(message + ", found " + describe(found), base + i);
  }

  private static String describe(char c) {
    if (c >= 0x20 && c < 0x7F) return "'" + c + "'";
    return String.format("U+%04X", (int) c);
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static boolean isFenceInfo(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '+'
        || c == '.';
  }
}
