package dev.reverie.conversation;

import dev.reverie.error.ConversationFormatException;
import dev.reverie.error.ConversationFormatException.Problem;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonString;
import dev.reverie.json.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media table of one document: binary data stored once, base64-encoded, under an id derived
 * from its content ({@code sha256:<hex>}), and referred to by that id wherever it occurs. The same
 * image in a step's content and in its messages, or in two turns, is stored once.
 */
final class MediaStore {
  static final String PREFIX = "sha256:";

  private final Map<String, JsonValue> entries = new LinkedHashMap<>();
  private final Map<String, byte[]> decoded = new LinkedHashMap<>();

  /** Adds {@code data} (once) and returns its id. */
  String put(byte[] data) {
    String id = PREFIX + HexFormat.of().formatHex(sha256(data));
    entries.computeIfAbsent(id, k -> JsonString.of(Base64.getEncoder().encodeToString(data)));
    return id;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  JsonObject toJson() {
    return JsonObject.of(entries);
  }

  /** A store to read from: the document's {@code media} member. */
  static MediaStore read(JsonObject media) {
    var store = new MediaStore();
    for (int i = 0; i < media.size(); i++) {
      store.entries.put(media.nameAt(i), media.valueAt(i));
    }
    return store;
  }

  /** The bytes stored under {@code id}, checked against their id. */
  byte[] get(String id, String path) {
    byte[] known = decoded.get(id);
    if (known != null) return known;
    JsonValue value = entries.get(id);
    if (!(value instanceof JsonString base64)) {
      throw new ConversationFormatException(
          Problem.MALFORMED, path, "the media '" + id + "' is not in the document's media table");
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(base64.value());
    } catch (IllegalArgumentException e) {
      throw new ConversationFormatException(
          Problem.MALFORMED, "/media/" + id, "the media '" + id + "' is not valid base64", e);
    }
    if (id.startsWith(PREFIX) && !id.equals(PREFIX + HexFormat.of().formatHex(sha256(data)))) {
      throw new ConversationFormatException(
          Problem.MALFORMED, "/media/" + id, "the media '" + id + "' does not match its digest");
    }
    decoded.put(id, data);
    return data;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
