package dev.reverie.repair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.reverie.error.JsonLimitException;
import dev.reverie.internal.json.Json;
import java.util.Optional;

/**
 * Turns the malformed JSON that language models write into valid JSON, the last automatic step
 * before a structured-output call gives up.
 *
 * <p>Handles what models commonly get wrong:
 *
 * <ul>
 *   <li>wrappers: Markdown code fences (<code>```json … ```</code>) and prose before or after the
 *       JSON;
 *   <li>truncation: missing closing quotes, brackets and braces at any depth; a dangling {@code ,},
 *       {@code :} or key (the incomplete member is dropped); a number or literal cut short ({@code
 *       1.} → {@code 1.0}, {@code 1e} → {@code 1}, {@code tr} → {@code true});
 *   <li>syntax: trailing commas, missing commas between members or elements, a missing colon,
 *       single-quoted or curly-quoted strings and keys, unquoted keys and bare-word values,
 *       comments ({@code //}, {@code #}, {@code /* *}{@code /}), Python literals ({@code True},
 *       {@code False}, {@code None}), raw newlines and tabs inside strings, unescaped quotes inside
 *       a string, {@code 1_000}, {@code .5}, {@code ...} placeholders in arrays, and a closer of
 *       the wrong kind.
 * </ul>
 *
 * <p>The first JSON object or array found is the result; anything after it is ignored. Valid JSON
 * comes back unchanged. Text without any object or array (and which is not itself valid JSON) gives
 * an empty result.
 *
 * <p>Stateless and thread-safe. Input nesting deeper than {@value #MAX_DEPTH} levels raises {@link
 * JsonLimitException} instead of exhausting the stack.
 */
public final class JsonRepair {
  /** Deepest nesting the repairing parser follows. */
  public static final int MAX_DEPTH = 500;

  private static final ObjectReader STRICT =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final String FENCE = "```";

  private JsonRepair() {}

  /**
   * The repaired JSON text, or empty when nothing JSON-like can be recovered. Valid JSON is
   * returned as given (without surrounding whitespace).
   *
   * @throws JsonLimitException when the text nests deeper than {@value #MAX_DEPTH} levels
   */
  public static Optional<String> repair(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    if (strictly(text).isPresent()) {
      return Optional.of(text.strip());
    }
    return repaired(text).map(Json::write);
  }

  /**
   * The repaired JSON as a tree, or empty when nothing JSON-like can be recovered.
   *
   * @throws JsonLimitException when the text nests deeper than {@value #MAX_DEPTH} levels
   */
  public static Optional<JsonNode> repairToTree(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Optional<JsonNode> strict = strictly(text);
    return strict.isPresent() ? strict : repaired(text);
  }

  private static Optional<JsonNode> strictly(String text) {
    try {
      JsonNode tree = STRICT.readTree(text);
      return tree == null || tree.isMissingNode() ? Optional.empty() : Optional.of(tree);
    } catch (JsonProcessingException | NumberFormatException e) {
      // A number no decimal can hold (1e99999999999) is reported by the repairing parser.
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> repaired(String text) {
    int[] region = fencedRegion(text);
    int start = valueStart(text, region[0], region[1]);
    if (start < 0 && region[0] != 0) {
      region = new int[] {0, text.length()};
      start = valueStart(text, 0, text.length());
    }
    if (start < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(RepairingParser.parse(text, start, region[1]));
  }

  /**
   * The content of the first Markdown code fence that contains an object or array, as {start, end};
   * the whole text when there is none. The closing fence must start a line, so a fence written
   * inside a JSON string value does not cut the JSON short.
   */
  static int[] fencedRegion(String text) {
    int fence = text.indexOf(FENCE);
    while (fence >= 0) {
      int content = fence + FENCE.length();
      while (content < text.length() && isLanguageTagCharacter(text.charAt(content))) {
        content++;
      }
      int close = closingFence(text, content);
      int end = close < 0 ? text.length() : close;
      if (valueStart(text, content, end) >= 0) {
        return new int[] {content, end};
      }
      if (close < 0) {
        break;
      }
      fence = text.indexOf(FENCE, close + FENCE.length());
    }
    return new int[] {0, text.length()};
  }

  private static int closingFence(String text, int from) {
    int candidate = text.indexOf(FENCE, from);
    while (candidate >= 0) {
      int lineStart = candidate;
      while (lineStart > from
          && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
        lineStart--;
      }
      if (lineStart == from || text.charAt(lineStart - 1) == '\n') {
        return candidate;
      }
      candidate = text.indexOf(FENCE, candidate + FENCE.length());
    }
    return -1;
  }

  private static boolean isLanguageTagCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '+';
  }

  /**
   * Where the JSON starts: the first {@code {} or {@code [} that looks like the start of JSON
   * (so that "[see below]" in leading prose is passed over), else the first one at all.
   */
  static int valueStart(String text, int from, int end) {
    int first = -1;
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        if (first < 0) {
          first = i;
        }
        if (looksLikeJsonStart(text, i, end)) {
          return i;
        }
      }
    }
    return first;
  }

  private static boolean looksLikeJsonStart(String text, int open, int end) {
    int i = open + 1;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i >= end) {
      return true; // "{" at the very end: a truncated object
    }
    char c = text.charAt(i);
    if (RepairingParser.isQuote(c) || c == '{' || c == '[' || c == '}' || c == ']') {
      return true;
    }
    if (text.charAt(open) == '[') {
      return Character.isDigit(c)
          || c == '-'
          || c == '.'
          || text.startsWith("true", i)
          || text.startsWith("false", i)
          || text.startsWith("null", i);
    }
    // An unquoted key: a word followed by a colon.
    int j = i;
    while (j < end
        && (Character.isLetterOrDigit(text.charAt(j))
            || text.charAt(j) == '_'
            || text.charAt(j) == '$'
            || text.charAt(j) == '-')) {
      j++;
    }
    while (j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j++;
    }
    return j > i && j < end && text.charAt(j) == ':';
  }
}
