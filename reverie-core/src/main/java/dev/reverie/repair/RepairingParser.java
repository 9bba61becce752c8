package dev.reverie.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.error.JsonLimitException;
import dev.reverie.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A forgiving single-pass recursive-descent JSON parser that reads what a language model meant
 * rather than what it wrote, producing a Jackson tree.
 *
 * <p>It never fails on syntax: whatever it cannot place is skipped, and input that ends early
 * closes every open string, array and object. Members whose value never arrived are dropped.
 * Nesting is bounded by {@link JsonRepair#MAX_DEPTH}.
 */
final class RepairingParser {
  private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

  /** Marks "nothing usable here, carry on"; {@code null} marks the end of the input. */
  private static final JsonNode SKIPPED = MissingNode.getInstance();

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern UNDERSCORED_DIGITS = Pattern.compile("[+-]?\\d+(_\\d+)+(\\.\\d+)?");

  private final String text;
  private final int end;
  private int position;
  private int depth;
  private int openObjects;
  private int openArrays;

  private RepairingParser(String text, int start, int end) {
    this.text = text;
    this.position = start;
    this.end = end;
  }

  /**
   * Parses the value starting at {@code start} (which must be a {@code {} or {@code [}), reading
   * no further than {@code end}; text after the value is ignored.
   *
   * @return the value, or {@code null} when nothing could be read
   * @throws JsonLimitException when the value nests deeper than {@link JsonRepair#MAX_DEPTH}
   */
  static JsonNode parse(String text, int start, int end) {
    JsonNode value = new RepairingParser(text, start, end).value();
    return value == null || value.isMissingNode() ? null : value;
  }

  private JsonNode value() {
    skipInsignificant();
    if (position >= end) {
      return null;
    }
    char c = text.charAt(position);
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      return array();
    }
    if (isQuote(c)) {
      return NODES.textNode(string(false));
    }
    if (isDigit(c) || c == '-' || c == '+' || c == '.') {
      if (c == '.' && text.startsWith("...", position)) {
        return word();
      }
      return number();
    }
    return word();
  }

  private ObjectNode object() {
    position++; // {
    enter();
    openObjects++;
    ObjectNode object = NODES.objectNode();
    while (true) {
      skipInsignificantAndSeparators();
      if (position >= end) {
        break;
      }
      char c = text.charAt(position);
      if (c == '}') {
        position++;
        break;
      }
      if (c == ']') {
        // A mismatched closer: leave it to an enclosing array, or take it as ours.
        if (openArrays == 0) {
          position++;
        }
        break;
      }
      int before = position;
      String key = key();
      if (key == null) {
        if (position == before) {
          position++; // not a key: skip the character
        }
        continue;
      }
      skipInsignificant();
      if (position >= end) {
        break; // dangling key
      }
      c = text.charAt(position);
      if (c == ':' || c == '=') {
        position++;
      } else if (c == ',' || c == '}' || c == ']') {
        continue; // a key without a value
      }
      // Otherwise the colon is missing and the value follows directly.
      skipInsignificant();
      if (position >= end) {
        break; // dangling colon
      }
      c = text.charAt(position);
      if (c == ',' || c == '}' || c == ']') {
        object.put(key, ""); // "key": , — an empty value
        continue;
      }
      JsonNode value = value();
      if (value == null) {
        break; // the value never arrived
      }
      if (!value.isMissingNode()) {
        object.set(key, value);
      }
    }
    openObjects--;
    depth--;
    return object;
  }

  private ArrayNode array() {
    position++; // [
    enter();
    openArrays++;
    ArrayNode array = NODES.arrayNode();
    while (true) {
      skipInsignificantAndSeparators();
      if (position >= end) {
        break;
      }
      char c = text.charAt(position);
      if (c == ']') {
        position++;
        break;
      }
      if (c == '}') {
        if (openObjects == 0) {
          position++;
        }
        break;
      }
      int before = position;
      JsonNode value = value();
      if (value == null) {
        break;
      }
      if (!value.isMissingNode()) {
        array.add(value);
      } else if (position == before) {
        position++;
      }
    }
    openArrays--;
    depth--;
    return array;
  }

  private void enter() {
    if (++depth > JsonRepair.MAX_DEPTH) {
      throw new JsonLimitException(
          "the JSON to repair is nested deeper than " + JsonRepair.MAX_DEPTH + " levels");
    }
  }

  /** A quoted or bare key, or {@code null} when there is none at the current position. */
  private String key() {
    char c = text.charAt(position);
    if (isQuote(c)) {
      return string(true);
    }
    int start = position;
    while (position < end) {
      char k = text.charAt(position);
      if (k == ':'
          || k == '='
          || k == ','
          || k == '}'
          || k == ']'
          || k == '{'
          || k == '['
          || k == '\n'
          || k == '\r'
          || isQuote(k)) {
        break;
      }
      position++;
    }
    String key = text.substring(start, position).strip();
    return key.isEmpty() ? null : key;
  }

  /** The content of a quoted string; the opening quote is at the current position. */
  private String string(boolean isKey) {
    char open = text.charAt(position++);
    StringBuilder content = new StringBuilder();
    while (position < end) {
      char c = text.charAt(position);
      if (c == '\\') {
        escape(content);
        continue;
      }
      if (closes(open, c)) {
        if (isKey || quoteEndsValue(position + 1)) {
          position++;
          return content.toString();
        }
        // A quote inside the value that the model forgot to escape.
      }
      content.append(c);
      position++;
    }
    return content.toString(); // truncated: the string simply ends here
  }

  private void escape(StringBuilder content) {
    if (position + 1 >= end) {
      position = end; // a lone trailing backslash
      return;
    }
    char next = text.charAt(position + 1);
    position += 2;
    switch (next) {
      case '"', '\\', '/', '\'', '`' -> content.append(next);
      case 'b' -> content.append('\b');
      case 'f' -> content.append('\f');
      case 'n' -> content.append('\n');
      case 'r' -> content.append('\r');
      case 't' -> content.append('\t');
      case 'u' -> {
        if (position + 4 <= end && isHex(text, position, position + 4)) {
          content.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          position += 4;
        } else {
          content.append("\\u");
        }
      }
      default -> content.append('\\').append(next); // keep \d and friends as written
    }
  }

  /**
   * Whether a closing quote at {@code index - 1} really ends the value: it does when what follows
   * (on the same line) is a separator, a closer, a comment, another quote or the end.
   */
  private boolean quoteEndsValue(int index) {
    int i = index;
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= end) {
      return true;
    }
    char c = text.charAt(i);
    return c == ','
        || c == '}'
        || c == ']'
        || c == '{'
        || c == '['
        || c == ':'
        || c == '\n'
        || c == '\r'
        || c == '#'
        || c == '`'
        || isQuote(c)
        || (c == '/' && i + 1 < end && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*'));
  }

  private JsonNode number() {
    int start = position;
    while (position < end && !isValueDelimiter(text.charAt(position))) {
      position++;
    }
    String raw = text.substring(start, position);
    String cleaned = raw;
    if (UNDERSCORED_DIGITS.matcher(cleaned).matches()) {
      cleaned = cleaned.replace("_", "");
    }
    if (cleaned.startsWith("+")) {
      cleaned = cleaned.substring(1);
    }
    if (cleaned.startsWith("-.")) {
      cleaned = "-0" + cleaned.substring(1);
    } else if (cleaned.startsWith(".")) {
      cleaned = "0" + cleaned;
    }
    if (cleaned.endsWith(".")) {
      cleaned = cleaned + "0"; // 1. → 1.0
    }
    cleaned = cleaned.replaceFirst("[eE][+-]?$", ""); // a dangling exponent: 1e → 1
    if (NUMBER.matcher(cleaned).matches()) {
      if (INTEGER.matcher(cleaned).matches()) {
        BigInteger integer = new BigInteger(cleaned);
        if (integer.bitLength() < 32) {
          return NODES.numberNode(integer.intValue());
        }
        if (integer.bitLength() < 64) {
          return NODES.numberNode(integer.longValue());
        }
        return NODES.numberNode(integer);
      }
      try {
        return NODES.numberNode(new BigDecimal(cleaned));
      } catch (NumberFormatException e) {
        // The exponent does not fit an int: no decimal can hold the number.
        throw new JsonLimitException(
            "the number " + abbreviate(raw) + " has an exponent out of range");
      }
    }
    if (raw.equals("-Infinity") || raw.equals("+Infinity")) {
      return NODES.nullNode();
    }
    if (raw.isEmpty() || raw.equals("-") || raw.equals("+") || raw.equals(".")) {
      return position >= end ? null : SKIPPED; // a sign the input stopped after
    }
    return NODES.textNode(raw); // 1/3, 10-20, 1.1.1, UUIDs…: text, not a number
  }

  /** A bare word: a literal (true, None…), an unquoted string, or junk to skip. */
  private JsonNode word() {
    int start = position;
    while (position < end) {
      char c = text.charAt(position);
      if (c == ',' || c == '}' || c == ']' || c == '{' || c == '[' || c == '\n' || c == '\r') {
        break;
      }
      if (isQuote(c) && position == start) {
        break;
      }
      if (position > start
          && Character.isWhitespace(text.charAt(position - 1))
          && (c == '#' || (c == '/' && (next() == '/' || next() == '*')))) {
        break; // a comment after the word
      }
      position++;
    }
    String word = text.substring(start, position).strip();
    if (word.isEmpty()) {
      if (position == start) {
        position++; // a lone punctuation character
      }
      return SKIPPED;
    }
    switch (word) {
      case "true", "True", "TRUE" -> {
        return NODES.booleanNode(true);
      }
      case "false", "False", "FALSE" -> {
        return NODES.booleanNode(false);
      }
      case "null", "None", "NULL", "Null", "nil", "undefined", "NaN", "Infinity", "-Infinity" -> {
        return NODES.nullNode();
      }
      case "...", "…" -> {
        return SKIPPED; // an ellipsis standing for "and so on"
      }
      default -> {
        // handled below
      }
    }
    if (position >= end) {
      // The input stopped inside a literal: tr → true, fals → false, nu → null.
      if ("true".startsWith(word)) {
        return NODES.booleanNode(true);
      }
      if ("false".startsWith(word)) {
        return NODES.booleanNode(false);
      }
      if ("null".startsWith(word)) {
        return NODES.nullNode();
      }
    }
    if (!Character.isLetterOrDigit(word.charAt(0)) && word.length() == 1) {
      return SKIPPED; // stray punctuation such as ':' or ';'
    }
    return NODES.textNode(word);
  }

  private void skipInsignificantAndSeparators() {
    while (true) {
      skipInsignificant();
      if (position < end && (text.charAt(position) == ',' || text.charAt(position) == ';')) {
        position++;
      } else {
        return;
      }
    }
  }

  /** Skips whitespace, comments ({@code //}, {@code #}, {@code /* *}{@code /}) and backticks. */
  private void skipInsignificant() {
    while (position < end) {
      char c = text.charAt(position);
      if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff' || c == '`') {
        position++;
      } else if (c == '#' || (c == '/' && next() == '/')) {
        while (position < end && text.charAt(position) != '\n') {
          position++;
        }
      } else if (c == '/' && next() == '*') {
        int close = text.indexOf("*/", position + 2);
        position = close < 0 || close + 2 > end ? end : close + 2;
      } else {
        return;
      }
    }
  }

  private char next() {
    return position + 1 < end ? text.charAt(position + 1) : '\0';
  }

  private static boolean isValueDelimiter(char c) {
    return c == ','
        || c == '}'
        || c == ']'
        || c == '{'
        || c == '['
        || Character.isWhitespace(c)
        || isQuote(c);
  }

  static boolean isQuote(char c) {
    return c == '"'
        || c == '\''
        || c == '\u201c'
        || c == '\u201d'
        || c == '\u2018'
        || c == '\u2019';
  }

  private static boolean closes(char open, char c) {
    return switch (open) {
      case '\u201c', '\u201d' -> c == '\u201d' || c == '\u201c' || c == '"';
      case '\u2018', '\u2019' -> c == '\u2019' || c == '\u2018';
      default -> c == open;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
  }
}
