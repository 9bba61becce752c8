package dev.reverie.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One Jackson streaming parser for a whole event stream, fed one event's UTF-8 bytes at a time, so
 * that a stream of hundreds of thousands of small events does not pay for a parser (I/O context,
 * buffers, symbol table, about 800 B) per event. The parser is handed only the current event's
 * bytes: it never reads ahead into an event that has not arrived.
 *
 * <p>Each event must hold one JSON value, read to its end by the caller, then {@link
 * #restIsWhitespace()} checked. After a parse error the stream must not be read again. Blank data
 * must not be fed (the parser would read it as the end of its input): check with {@link #isBlank}.
 * Not thread-safe; one per stream.
 */
public final class EventParser {
  private final EventInput input = new EventInput();
  private final TrailingBytes trailing = new TrailingBytes();
  // Made with the first event: Jackson reads the first bytes at once to detect the encoding.
  private JsonParser parser;

  /** The parser, positioned before the first token of {@code bytes[offset, offset + length)}. */
  public JsonParser start(byte[] bytes, int offset, int length) throws IOException {
    input.set(bytes, offset, length);
    if (parser == null) parser = Json.STREAM_FACTORY.createParser(input);
    return parser;
  }

  /**
   * After the event's value ended: whether what the event holds after it, in the parser's buffer or
   * not read yet, is only whitespace (which the parser skips before the next event's value).
   */
  public boolean restIsWhitespace() throws IOException {
    trailing.reset();
    parser.releaseBuffered(trailing);
    input.rest(trailing);
    return !trailing.other;
  }

  /** Whether {@code bytes[offset, offset + length)} is only JSON whitespace. */
  public static boolean isBlank(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (!Json.isWhitespace(bytes[i])) return false;
    }
    return true;
  }

  /**
   * The bytes of the current event, and nothing after them: past its end, reads report the end of
   * the input until the next event is set.
   */
  private static final class EventInput extends InputStream {
    private byte[] bytes = new byte[0];
    private int position;
    private int end;

    void set(byte[] bytes, int offset, int length) {
      this.bytes = bytes;
      this.position = offset;
      this.end = offset + length;
    }

    /** Hands the bytes not read yet to {@code out}, as if read. */
    void rest(OutputStream out) throws IOException {
      if (position < end) out.write(bytes, position, end - position);
      position = end;
    }

    @Override
    public int read() {
      return position < end ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) return 0;
      if (position >= end) return -1;
      int count = Math.min(length, end - position);
      System.arraycopy(bytes, position, into, offset, count);
      position += count;
      return count;
    }
  }

  /** Receives the bytes left after the value and notes whether any is not JSON whitespace. */
  private static final class TrailingBytes extends OutputStream {
    boolean other;

    void reset() {
      other = false;
    }

    @Override
    public void write(int b) {
      if (!Json.isWhitespace(b)) other = true;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) write(bytes[i]);
    }
  }
}
