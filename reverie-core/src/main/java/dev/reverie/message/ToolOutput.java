package dev.reverie.message;

import dev.reverie.json.JsonValue;
import java.util.Objects;

/** What a tool produced: text, JSON, an error, or media such as a screenshot. */
public sealed interface ToolOutput {

  /** Plain text. */
  record Text(String text) implements ToolOutput {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A JSON value. */
  record Json(JsonValue value) implements ToolOutput {
    public Json {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The tool failed; the message is shown to the model so it can correct itself. */
  record Error(String message) implements ToolOutput {
    public Error {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Bytes with a MIME type, e.g. a PNG screenshot, with optional accompanying text. */
  record Media(byte[] data, String mediaType, String text) implements ToolOutput {
    public Media {
      Objects.requireNonNull(mediaType, "mediaType");
      data = data == null ? new byte[0] : data.clone();
      text = text == null ? "" : text;
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Media m
          && java.util.Arrays.equals(data, m.data)
          && mediaType.equals(m.mediaType)
          && text.equals(m.text);
    }

    @Override
    public int hashCode() {
      return Objects.hash(java.util.Arrays.hashCode(data), mediaType, text);
    }

    @Override
    public String toString() {
      return "Media[mediaType=" + mediaType + ", bytes=" + data.length + "]";
    }
  }

  static ToolOutput text(String text) {
    return new Text(text);
  }

  static ToolOutput json(JsonValue value) {
    return new Json(value);
  }

  static ToolOutput error(String message) {
    return new Error(message);
  }

  static ToolOutput media(byte[] data, String mediaType) {
    return new Media(data, mediaType, "");
  }
}
