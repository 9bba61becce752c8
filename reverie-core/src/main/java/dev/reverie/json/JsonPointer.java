package dev.reverie.json;

import java.util.Optional;

/**
 * RFC 6901 JSON Pointers, as used in {@link JsonChange} paths: building them ({@code ~} becomes
 * {@code ~0}, {@code /} becomes {@code ~1}) and resolving them against a {@link JsonValue}.
 */
public final class JsonPointer {
  private JsonPointer() {}

  /** The reference token for a member name. */
  public static String escape(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) return name;
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '~') out.append("~0");
      else if (c == '/') out.append("~1");
      else out.append(c);
    }
    return out.toString();
  }

  /** The member name a reference token stands for. */
  public static String unescape(String token) {
    if (token.indexOf('~') < 0) return token;
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~' && i + 1 < token.length()) {
        char next = token.charAt(i + 1);
        if (next == '0' || next == '1') {
          out.append(next == '0' ? '~' : '/');
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The pointer to member {@code name} of the value at {@code parent}. */
  public static String child(String parent, String name) {
    return parent + "/" + escape(name);
  }

  /** The pointer to element {@code index} of the array at {@code parent}. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static Optional<JsonValue> resolve(JsonValue root, String pointer) {
    if (pointer.isEmpty()) return Optional.of(root);
    if (pointer.charAt(0) != '/') return Optional.empty();
    JsonValue current = root;
    int start = 1;
    while (true) {
      int end = pointer.indexOf('/', start);
      String token = pointer.substring(start, end < 0 ? pointer.length() : end);
      current = step(current, token);
      if (current == null) return Optional.empty();
      if (end < 0) return Optional.of(current);
      start = end + 1;
    }
  }

  private static JsonValue step(JsonValue value, String token) {
    if (value instanceof JsonObject object) return object.find(unescape(token));
    if (value instanceof JsonArray array) {
      int index = arrayIndex(token);
      return index >= 0 && index < array.size() ? array.get(index) : null;
    }
    return null;
  }

  private static int arrayIndex(String token) {
    int n = token.length();
    if (n == 0 || n > 9 || (n > 1 && token.charAt(0) == '0')) return -1;
    int value = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
