package dev.reverie.bench;

import java.util.Arrays;
import java.util.Optional;

/**
 * Turns the text of an unfinished JSON document into complete JSON, as peer libraries do before
 * re-parsing the accumulated text on every delta (the Vercel AI SDK's {@code fixJson}, the Go
 * original's partial parser): an open string is closed, a half-written literal completed or a
 * half-written number trimmed, a dangling key given {@code null}, a trailing comma dropped, and the
 * open containers closed.
 *
 * <p>One pass over the whole text: O(n) per call, which is what makes re-parsing on every delta
 * quadratic. Assumes the text is the prefix of valid JSON; anything else may yield invalid JSON,
 * which the subsequent parse rejects.
 */
public final class PartialJsonCloser {
  private static final int ROOT_VALUE = 0;
  private static final int ROOT_DONE = 1;
  private static final int OBJECT_START = 2;
  private static final int OBJECT_KEY = 3;
  private static final int OBJECT_COLON = 4;
  private static final int OBJECT_VALUE = 5;
  private static final int OBJECT_NEXT = 6;
  private static final int ARRAY_START = 7;
  private static final int ARRAY_VALUE = 8;
  private static final int ARRAY_NEXT = 9;

  private PartialJsonCloser() {}

  /** Complete JSON for {@code text}, or empty when no value has started yet. */
  public static Optional<String> close(CharSequence text) {
    int[] states = new int[32];
    int depth = 0;
    states[0] = ROOT_VALUE;
    boolean inString = false;
    boolean escape = false;
    boolean stringIsKey = false;
    int unicodeLeft = 0;
    int scalarStart = -1;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (unicodeLeft > 0) {
          unicodeLeft--;
        } else if (escape) {
          escape = false;
          if (c == 'u') unicodeLeft = 4;
        } else if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          inString = false;
          states[depth] = stringIsKey ? OBJECT_COLON : afterValue(states[depth]);
        }
        continue;
      }
      if (scalarStart >= 0) {
        if (isScalarChar(c)) continue;
        scalarStart = -1;
        states[depth] = afterValue(states[depth]);
      }
      switch (c) {
        case ' ', '\t', '\n', '\r' -> {}
        case '{', '[' -> {
          states[depth] = afterValue(states[depth]);
          if (++depth == states.length) states = Arrays.copyOf(states, depth * 2);
          states[depth] = c == '{' ? OBJECT_START : ARRAY_START;
        }
        case '}', ']' -> depth = Math.max(0, depth - 1);
        case '"' -> {
          inString = true;
          stringIsKey = states[depth] == OBJECT_START || states[depth] == OBJECT_KEY;
        }
        case ':' -> states[depth] = OBJECT_VALUE;
        case ',' -> states[depth] = isObject(states[depth]) ? OBJECT_KEY : ARRAY_VALUE;
        default -> scalarStart = i;
      }
    }

    StringBuilder out = new StringBuilder(length + depth + 8).append(text);
    if (inString) {
      if (unicodeLeft > 0) {
        out.setLength(length - (4 - unicodeLeft) - 2);
      } else if (escape) {
        out.setLength(length - 1);
      }
      out.append('"');
      if (stringIsKey) {
        out.append(":null");
        states[depth] = OBJECT_NEXT;
      } else {
        states[depth] = afterValue(states[depth]);
      }
    } else if (scalarStart >= 0) {
      String completed = completeScalar(text.subSequence(scalarStart, length).toString());
      out.setLength(scalarStart);
      if (completed != null) {
        out.append(completed);
        states[depth] = afterValue(states[depth]);
      }
    }
    switch (states[depth]) {
      case ROOT_VALUE -> {
        return Optional.empty();
      }
      case OBJECT_COLON -> out.append(":null");
      case OBJECT_VALUE -> out.append("null");
      case OBJECT_KEY, ARRAY_VALUE -> {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) end--;
        if (end > 0 && out.charAt(end - 1) == ',') end--;
        out.setLength(end);
      }
      default -> {}
    }
    for (int d = depth; d >= 1; d--) out.append(isObject(states[d]) ? '}' : ']');
    return Optional.of(out.toString());
  }

  private static int afterValue(int state) {
    return switch (state) {
      case ROOT_VALUE -> ROOT_DONE;
      case OBJECT_VALUE -> OBJECT_NEXT;
      case ARRAY_START, ARRAY_VALUE -> ARRAY_NEXT;
      default -> state;
    };
  }

  private static boolean isObject(int state) {
    return state >= OBJECT_START && state <= OBJECT_NEXT;
  }

  private static boolean isScalarChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || c == '-'
        || c == '+'
        || c == '.'
        || c == 'E';
  }

  /** A complete literal or number for a half-written one, or null when nothing usable is left. */
  private static String completeScalar(String token) {
    for (String literal : new String[] {"true", "false", "null"}) {
      if (literal.startsWith(token)) return literal;
    }
    int end = token.length();
    while (end > 0 && "+-.eE".indexOf(token.charAt(end - 1)) >= 0) end--;
    return end == 0 ? null : token.substring(0, end);
  }
}
