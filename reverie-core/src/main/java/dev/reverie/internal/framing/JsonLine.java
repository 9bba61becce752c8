package dev.reverie.internal.framing;

/**
 * One non-blank line of a newline-delimited JSON body, as a decoder reads it.
 *
 * <p>The line is offered both as the UTF-8 bytes that carried it ({@link #dataArray()}, {@link
 * #dataOffset()}, {@link #dataLength()}), so that a byte-level JSON parser can read it without
 * decoding it to a {@code String} first, and as text ({@link #text()}), decoded only when asked.
 * Neither includes the line end (LF or CRLF) nor, on the first line, a leading byte order mark. For
 * {@link NdjsonReader#current()} the bytes are usually a view of the reader's buffer: they, and the
 * line itself, are valid only until the reader advances.
 */
public interface JsonLine {
  /** The array holding the line's UTF-8 bytes; read only the range given. */
  byte[] dataArray();

  /** Where the line starts in {@link #dataArray()}. */
  int dataOffset();

  /** How many bytes of {@link #dataArray()} the line has. */
  int dataLength();

  /** The line decoded as UTF-8 (malformed bytes become U+FFFD), decoded on first call. */
  String text();

  /** The 1-based line of the body this line was, counting blank lines, for error messages. */
  long lineNumber();
}
