package dev.reverie.schema;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a JSON Schema {@code pattern} (ECMA-262 syntax, as the specification requires) to a Java
 * {@link Pattern} with JavaScript's meaning: {@code \d} and {@code \w} are ASCII only, {@code \s}
 * is JavaScript's whitespace set (including U+FEFF and the Unicode space separators), {@code $}
 * matches only at the very end, and Unicode property names spelled out ({@code \p{Letter}}) are
 * understood.
 */
final class EcmaRegex {
  private static final String DIGIT = "0-9";
  private static final String WORD = "a-zA-Z0-9_";
  private static final String SPACE =
      "\\t\\n\\x{B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}"
          + "\\x{3000}\\x{FEFF}";

  /** Long general-category names ECMA-262 accepts, by Java's short name. */
  private static final Map<String, String> CATEGORIES =
      Map.ofEntries(
          Map.entry("Letter", "L"),
          Map.entry("Cased_Letter", "LC"),
          Map.entry("Uppercase_Letter", "Lu"),
          Map.entry("Lowercase_Letter", "Ll"),
          Map.entry("Titlecase_Letter", "Lt"),
          Map.entry("Modifier_Letter", "Lm"),
          Map.entry("Other_Letter", "Lo"),
          Map.entry("Mark", "M"),
          Map.entry("Number", "N"),
          Map.entry("Decimal_Number", "Nd"),
          Map.entry("digit", "Nd"),
          Map.entry("Letter_Number", "Nl"),
          Map.entry("Other_Number", "No"),
          Map.entry("Punctuation", "P"),
          Map.entry("punct", "P"),
          Map.entry("Symbol", "S"),
          Map.entry("Separator", "Z"),
          Map.entry("Space_Separator", "Zs"),
          Map.entry("Other", "C"),
          Map.entry("Control", "Cc"),
          Map.entry("cntrl", "Cc"));

  private EcmaRegex() {}

  /**
   * Compiles {@code source}.
   *
   * @throws PatternSyntaxException when it is not a valid regular expression
   */
  static Pattern compile(String source) {
    return Pattern.compile(translate(source));
  }

  /** The Java spelling of an ECMA-262 regular expression. */
  static String translate(String source) {
    StringBuilder out = new StringBuilder(source.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        char next = source.charAt(++i);
        switch (next) {
          case 'd' -> out.append(inClass ? DIGIT : "[" + DIGIT + "]");
          case 'D' -> out.append("[^" + DIGIT + "]");
          case 'w' -> out.append(inClass ? WORD : "[" + WORD + "]");
          case 'W' -> out.append("[^" + WORD + "]");
          case 's' -> out.append(inClass ? SPACE : "[" + SPACE + "]");
          case 'S' -> out.append("[^" + SPACE + "]");
          case 'p', 'P' -> {
            int close = source.indexOf('}', i);
            if (i + 1 < source.length() && source.charAt(i + 1) == '{' && close > 0) {
              String name = source.substring(i + 2, close);
              String category = CATEGORIES.getOrDefault(name, name);
              out.append('\\').append(next).append('{').append(category).append('}');
              i = close;
            } else {
              out.append('\\').append(next);
            }
          }
          default -> out.append('\\').append(next);
        }
      } else if (c == '[' && !inClass) {
        inClass = true;
        out.append(c);
        // A ']' right after '[' or '[^' closes nothing in Java but does in ECMA-262 ("[]" is
        // an empty class); neither is common enough in schemas to translate.
      } else if (c == ']' && inClass) {
        inClass = false;
        out.append(c);
      } else if (c == '[' && inClass) {
        out.append("\\[");
      } else if (c == '$' && !inClass) {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
