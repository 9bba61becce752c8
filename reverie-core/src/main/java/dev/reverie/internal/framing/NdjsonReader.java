package dev.reverie.internal.framing;

import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import dev.reverie.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads newline-delimited JSON bodies (Ollama's {@code /api/chat} and {@code /api/generate}
 * streams, {@code application/x-ndjson}) line by line, each non-blank line one frame.
 *
 * <p>Line ends are LF or CRLF (a CRLF split across two reads is one line end); a CR anywhere else
 * is part of the line, as is any other JSON whitespace. Blank and whitespace-only lines are
 * skipped; a last line without a line end is still a frame; a UTF-8 byte order mark at the very
 * start of the body is skipped. The reader does not parse JSON: a line that is not valid JSON is
 * the decoder's to reject.
 *
 * <p>Reading is lazy: {@link #advance()} reads from the stream only until the line end of the next
 * frame, at most one buffer at a time, so each line is handed out as soon as it arrives. A line
 * that lies in the read buffer is offered through {@link #current()} as a view of that buffer,
 * neither copied nor decoded unless the decoder asks for text; only a line that straddles two reads
 * is copied, once, into a line buffer.
 *
 * <p>Failures: a line (without its line end) longer than the limit, blank or not, throws {@link
 * StreamProtocolException}; an {@link IOException} while reading throws a retryable {@link
 * TransportException}; reading on an interrupted thread, or a read aborted by {@link #close()},
 * throws {@link CancelledException}. After a failure, {@link #advance()} throws the same failure
 * again. Not thread-safe, except that {@link #close()} may be called from another thread to abort a
 * blocked read, if the stream supports it.
 */
public final class NdjsonReader implements FrameReader<JsonLine> {
  /** The default limit for one line: 16 MiB. */
  public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

  private static final int BUFFER_SIZE = 8192;
  private static final int RETAINED_CAPACITY = 1024 * 1024;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean endOfStream;
  private volatile boolean closed;
  private ReverieException failure;

  // A line that straddles reads, gathered here; it may still end in the CR of a CRLF.
  private byte[] line = new byte[256];
  private int lineLength;
  // Lines ended so far, blank ones included.
  private long lineNumber;

  private final CurrentLine current = new CurrentLine();
  private boolean hasCurrent;

  /** A reader with the default 16 MiB line limit. */
  public NdjsonReader(InputStream in) {
    this(in, DEFAULT_MAX_BYTES);
  }

  /** A reader that rejects any line longer than {@code maxBytes} bytes, not counting its end. */
  public NdjsonReader(InputStream in, int maxBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    this.maxBytes = maxBytes;
  }

  /**
   * Reads the next non-blank line into {@link #current()}. Returns false at the end of the body
   * (and after {@link #close()}).
   *
   * @throws StreamProtocolException when a line exceeds the limit
   * @throws TransportException when reading the stream fails
   * @throws CancelledException when the thread was interrupted or the reader closed while reading
   */
  @Override
  public boolean advance() {
    hasCurrent = false;
    if (closed) return false;
    if (failure != null) throw failure;
    try {
      return readLine();
    } catch (ReverieException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * The line the last {@link #advance()} read. The same object is reused for every line: it and its
   * bytes are valid only until the next {@link #advance()}.
   *
   * @throws IllegalStateException when the last {@link #advance()} read no line
   */
  @Override
  public JsonLine current() {
    if (!hasCurrent) throw new IllegalStateException("no current line: call advance() first");
    return current;
  }

  /** Closes the underlying stream; later calls to {@link #advance()} return false. Idempotent. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    try {
      in.close();
    } catch (IOException e) {
      // Nothing is left to read; a failure to release is not the caller's problem.
    }
  }

  private boolean readLine() {
    // The previous frame may have been a view of a large line buffer; it is no longer valid.
    if (line.length > RETAINED_CAPACITY) line = new byte[256];
    while (!closed) {
      if (position == limit) {
        if (endOfStream) {
          if (lineLength == 0) return false;
          if (takeLine()) return true;
          continue;
        }
        fill();
        continue;
      }
      int end = lineFeed(buffer, position, limit);
      if (end == limit) {
        appendToLine(position, limit - position);
        position = limit;
        continue;
      }
      boolean found;
      if (lineLength == 0) {
        // The hot path: a whole line in the buffer, handed out where it is.
        int start = position;
        position = end + 1;
        found = offer(buffer, start, end - start);
      } else {
        appendToLine(position, end - position);
        position = end + 1;
        found = takeLine();
      }
      if (found) return true;
    }
    return false;
  }

  private boolean takeLine() {
    int length = lineLength;
    lineLength = 0;
    return offer(line, 0, length);
  }

  /** Ends a line of {@code array[offset, offset + length)}; true if it is a frame (not blank). */
  private boolean offer(byte[] array, int offset, int length) {
    lineNumber++;
    int from = offset;
    int to = offset + length;
    if (to > from && array[to - 1] == CR) to--;
    if (lineNumber == 1
        && to - from >= 3
        && array[from] == (byte) 0xEF
        && array[from + 1] == (byte) 0xBB
        && array[from + 2] == (byte) 0xBF) {
      from += 3;
    }
    if (to - from > maxBytes) throw tooLong(lineNumber);
    int i = from;
    while (i < to && Json.isWhitespace(array[i])) i++;
    if (i == to) return false;
    current.set(array, from, to - from, lineNumber);
    hasCurrent = true;
    return true;
  }

  private void appendToLine(int from, int count) {
    if (count == 0) return;
    // Room for the CR of a CRLF, and on the first line a BOM: the exact check is in offer().
    long allowed = (long) maxBytes + 1 + (lineNumber == 0 ? 3 : 0);
    long length = (long) lineLength + count;
    if (length > allowed || length > MAX_ARRAY) throw tooLong(lineNumber + 1);
    if (length > line.length) {
      long most = Math.min(allowed, MAX_ARRAY);
      int capacity = (int) Math.min(most, Math.max(2L * line.length, length));
      line = Arrays.copyOf(line, capacity);
    }
    System.arraycopy(buffer, from, line, lineLength, count);
    lineLength += count;
  }

  private StreamProtocolException tooLong(long number) {
    return new StreamProtocolException(
        "NDJSON line " + number + " is longer than " + maxBytes + " bytes");
  }

  private void fill() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancelledException("reading the NDJSON stream was interrupted");
    }
    int read;
    try {
      read = in.read(buffer, 0, buffer.length);
    } catch (IOException e) {
      if (closed) throw new CancelledException("the NDJSON stream was closed", e);
      if (Thread.currentThread().isInterrupted()) {
        throw new CancelledException("reading the NDJSON stream was interrupted", e);
      }
      throw new TransportException(
          "reading the NDJSON stream failed after line " + lineNumber + ": " + e.getMessage(), e);
    }
    position = 0;
    if (read < 0) {
      limit = 0;
      endOfStream = true;
    } else {
      limit = read;
    }
  }

  /** The index of the first LF in {@code bytes[from, to)}, or {@code to}; eight bytes at a time. */
  static int lineFeed(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ LF_BYTES;
      long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
      // Only the lowest flagged byte is exact, which is the one wanted.
      if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
    }
    while (i < to && bytes[i] != LF) i++;
    return i;
  }

  /** The reader's reusable view of the line just read. */
  private static final class CurrentLine implements JsonLine {
    private byte[] bytes;
    private int offset;
    private int length;
    private long lineNumber;
    private String text;

    void set(byte[] bytes, int offset, int length, long lineNumber) {
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
      this.lineNumber = lineNumber;
      this.text = null;
    }

    @Override
    public byte[] dataArray() {
      return bytes;
    }

    @Override
    public int dataOffset() {
      return offset;
    }

    @Override
    public int dataLength() {
      return length;
    }

    @Override
    public String text() {
      if (text == null) text = new String(bytes, offset, length, StandardCharsets.UTF_8);
      return text;
    }

    @Override
    public long lineNumber() {
      return lineNumber;
    }

    @Override
    public String toString() {
      return "JsonLine[line " + lineNumber + ", " + length + " bytes]";
    }
  }
}
