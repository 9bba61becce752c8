package dev.reverie.internal.sse;

import dev.reverie.error.CancelledException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import dev.reverie.internal.framing.FrameReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code text/event-stream} bodies event by event, following the WHATWG parsing rules.
 *
 * <p>Line ends are LF, CR or CRLF (a CRLF split across two reads is one line end); a leading BOM is
 * skipped; {@code data:} lines are joined with {@code "\n"}; one space after the colon is removed;
 * {@code :} comment lines and unknown fields are ignored; a blank line dispatches the event, and an
 * event without data is not dispatched. Bytes are decoded as UTF-8 one complete line at a time, so
 * a multi-byte character split across reads decodes correctly; malformed bytes become U+FFFD.
 *
 * <p>One deliberate departure from the WHATWG rules: at end of stream the pending event (and a last
 * line without a line end) is dispatched rather than discarded, because recorded provider streams
 * sometimes end without the final blank line.
 *
 * <p>Reading is lazy: {@link #advance()} and {@link #next()} read from the stream only until the
 * blank line that ends the next event, at most one buffer at a time, so each event is handed out as
 * soon as it arrives. {@link #advance()} is the hot path: the data of an event with one {@code
 * data:} line (nearly all) is offered as a view of the read buffer through {@link #current()},
 * neither decoded nor copied unless the decoder asks for text; {@link #next()} returns a detached
 * copy.
 *
 * <p>Failures: a line or event longer than the limit throws {@link StreamProtocolException}; an
 * {@link IOException} while reading throws a retryable {@link TransportException}; reading on an
 * interrupted thread throws {@link CancelledException}. Not thread-safe, except that {@link
 * #close()} may be called from another thread to abort a blocked read, if the stream supports it.
 */
public final class SseReader implements FrameReader<SseEvent> {
  /** The default limit for one line and for one event's data: 16 MiB. */
  public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

  private static final int BUFFER_SIZE = 8192;
  private static final int RETAINED_CAPACITY = 1024 * 1024;
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final long CR_BYTES = 0x0D0D0D0D0D0D0D0DL;
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
  // A CR ended the previous line: an LF right after it belongs to the same line end.
  private boolean skipLineFeed;

  private byte[] line = new byte[256];
  private int lineLength;
  private long lineNumber;

  // The event being read. Its first data line is kept as a byte range, usually a view of the
  // buffer (most events have one line, so its bytes are never copied), or as text; from the
  // second data line on, the lines are joined in `data`.
  private int dataLines;
  private byte[] firstArray;
  private int firstOffset;
  private int firstLength;
  private String firstText;
  private StringBuilder data = new StringBuilder();

  // The data value of the last line read, when readLine returned DATA_LINE.
  private byte[] sliceArray;
  private int sliceOffset;
  private int sliceLength;
  // Marks a "data:" line whose value is in the slice fields (compared by identity).
  private static final String DATA_LINE = new String("data line");

  private String eventType = "";
  // The value of the last "event:" line; a line naming the same type again is not decoded.
  private String lastEventLineValue = "";
  private static final String SAME_EVENT_LINE = new String("same event line");
  private String lastEventId = "";
  private long eventStartLine;
  private long retry = -1;
  private final CurrentEvent current = new CurrentEvent();
  private boolean hasCurrent;

  /** A reader with the default 16 MiB line and event limit. */
  public SseReader(InputStream in) {
    this(in, DEFAULT_MAX_BYTES);
  }

  /**
   * A reader that rejects any line longer than {@code maxBytes} bytes and any event whose data is
   * longer than {@code maxBytes} characters.
   */
  public SseReader(InputStream in, int maxBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    this.maxBytes = maxBytes;
  }

  /**
   * The next event as a detached copy, or empty at the end of the stream (and after {@link
   * #close()}).
   *
   * @throws StreamProtocolException when a line or an event exceeds the limit
   * @throws TransportException when reading the stream fails
   * @throws CancelledException when the thread was interrupted while reading
   */
  public Optional<ServerSentEvent> next() {
    return advance() ? Optional.of(current.detach()) : Optional.empty();
  }

  /**
   * Reads the next event into {@link #current()}: the hot path, which copies nothing it does not
   * have to. Returns false at the end of the stream (and after {@link #close()}).
   *
   * @throws StreamProtocolException when a line or an event exceeds the limit
   * @throws TransportException when reading the stream fails
   * @throws CancelledException when the thread was interrupted while reading
   */
  public boolean advance() {
    hasCurrent = false;
    if (closed) return false;
    String text;
    while ((text = readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
      if (text.isEmpty()) {
        if (dispatch()) return true;
      } else {
        processLine(text);
      }
    }
    return dispatch();
  }

  /**
   * The event the last {@link #advance()} read. The same object is reused for every event: it and
   * its data bytes are valid only until the next {@link #advance()} or {@link #next()}.
   *
   * @throws IllegalStateException when the last {@link #advance()} read no event
   */
  public SseEvent current() {
    if (!hasCurrent) throw new IllegalStateException("no current event: call advance() first");
    return current;
  }

  /** The reconnection time of the last valid {@code retry:} field, in milliseconds, if any. */
  public OptionalLong retry() {
    return retry < 0 ? OptionalLong.empty() : OptionalLong.of(retry);
  }

  /** Closes the underlying stream; later calls to {@link #next()} return empty. Idempotent. */
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

  private void appendData(String value) {
    checkDataSize(value.length());
    if (dataLines == 0) {
      firstText = value;
      firstArray = null;
    } else {
      joinLine(value);
    }
    dataLines++;
  }

  private void appendData(byte[] array, int offset, int length) {
    checkDataSize(length);
    if (dataLines == 0) {
      firstArray = array;
      firstOffset = offset;
      firstLength = length;
      firstText = null;
    } else {
      joinLine(new String(array, offset, length, StandardCharsets.UTF_8));
    }
    dataLines++;
  }

  private void joinLine(String value) {
    if (dataLines == 1) {
      data.append(firstText());
      firstArray = null;
      firstText = null;
    }
    data.append('\n').append(value);
  }

  private String firstText() {
    return firstText != null
        ? firstText
        : new String(firstArray, firstOffset, firstLength, StandardCharsets.UTF_8);
  }

  private void checkDataSize(int added) {
    long size =
        dataLines == 0
            ? 0
            : (dataLines == 1
                ? (firstText != null ? firstText.length() : firstLength) + 1
                : data.length());
    if (size + added + 1 > maxBytes) {
      throw new StreamProtocolException(
          "event-stream event starting at line "
              + eventStartLine
              + " has more than "
              + maxBytes
              + " characters of data");
    }
  }

  /**
   * The first data line may be a view of the buffer or of the line array: copy it before either is
   * overwritten. This happens only when an event straddles two reads.
   */
  private void keepPendingSlice() {
    if (dataLines == 1 && firstText == null && (firstArray == buffer || firstArray == line)) {
      firstArray = Arrays.copyOfRange(firstArray, firstOffset, firstOffset + firstLength);
      firstOffset = 0;
    }
  }

  /**
   * Whether {@code bytes[from, to)} is an {@code event:} line whose value is, byte for byte, the
   * ASCII value of the last one.
   */
  private boolean isSameEventLine(byte[] bytes, int from, int to) {
    String last = lastEventLineValue;
    if (lineNumber == 0 || last.isEmpty() || to - from < 6) return false;
    if (bytes[from] != 'e'
        || bytes[from + 1] != 'v'
        || bytes[from + 2] != 'e'
        || bytes[from + 3] != 'n'
        || bytes[from + 4] != 't'
        || bytes[from + 5] != ':') {
      return false;
    }
    int start = from + 6;
    if (start < to && bytes[start] == ' ') start++;
    if (to - start != last.length()) return false;
    for (int i = 0; i < last.length(); i++) {
      char c = last.charAt(i);
      if (c >= 0x80 || bytes[start + i] != c) return false;
    }
    return true;
  }

  /** The length of a leading {@code "data:"} or {@code "data: "} in the range, or 0. */
  private int dataPrefixLength(byte[] bytes, int from, int to) {
    if (lineNumber == 0 || to - from < 5) return 0; // the first line may carry a BOM
    if (bytes[from] != 'd'
        || bytes[from + 1] != 'a'
        || bytes[from + 2] != 't'
        || bytes[from + 3] != 'a'
        || bytes[from + 4] != ':') {
      return 0;
    }
    return to - from > 5 && bytes[from + 5] == ' ' ? 6 : 5;
  }

  private void processLine(String text) {
    if (text == DATA_LINE) {
      if (eventStartLine == 0) eventStartLine = lineNumber;
      appendData(sliceArray, sliceOffset, sliceLength);
      sliceArray = null;
      return;
    }
    if (text == SAME_EVENT_LINE) {
      if (eventStartLine == 0) eventStartLine = lineNumber;
      eventType = lastEventLineValue;
      return;
    }
    if (text.charAt(0) == ':') return;
    if (eventStartLine == 0) eventStartLine = lineNumber;
    int colon = text.indexOf(':');
    // The hot path, one "data:" line per event, avoids copying the field name.
    String field =
        colon == 4 && text.startsWith("data")
            ? "data"
            : colon < 0 ? text : text.substring(0, colon);
    String value = "";
    if (colon >= 0) {
      int start = colon + 1;
      if (start < text.length() && text.charAt(start) == ' ') start++;
      value = text.substring(start);
    }
    switch (field) {
      case "data" -> appendData(value);
      case "event" -> {
        eventType = value;
        lastEventLineValue = value;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) lastEventId = value;
      }
      case "retry" -> retry = parseRetry(value, retry);
      default -> {
        // Unknown fields are ignored, as the WHATWG rules require.
      }
    }
  }

  private static long parseRetry(String value, long previous) {
    if (value.isEmpty()) return previous;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') return previous;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return previous; // too large to be a meaningful delay
    }
  }

  /** Moves the pending event, if it has data, into {@link #current}; false if there was none. */
  private boolean dispatch() {
    long start = eventStartLine;
    eventStartLine = 0;
    String type = eventType;
    eventType = "";
    if (dataLines == 0) return false;
    if (dataLines == 1 && firstText == null) {
      current.set(type, lastEventId, start, firstArray, firstOffset, firstLength);
    } else {
      current.set(type, lastEventId, start, dataLines == 1 ? firstText : data.toString());
      if (data.capacity() > RETAINED_CAPACITY) {
        data = new StringBuilder();
      } else {
        data.setLength(0);
      }
    }
    dataLines = 0;
    firstArray = null;
    firstText = null;
    hasCurrent = true;
    return true;
  }

  /** The next line without its line end, or null at the end of the stream. */
  private String readLine() {
    while (true) {
      if (position == limit) {
        if (endOfStream) {
          return lineLength > 0 ? takeLine() : null;
        }
        fill();
        continue;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == LF) {
          position++;
          continue;
        }
      }
      int end = lineEnd(buffer, position, limit);
      if (end == limit) {
        appendToLine(position, limit - position);
        position = limit;
        continue;
      }
      skipLineFeed = buffer[end] == CR;
      String result;
      if (lineLength == 0) {
        checkLineLength(end - position);
        int prefix = dataPrefixLength(buffer, position, end);
        if (prefix > 0) {
          // The hot path: a whole "data:" line in the buffer; its value stays where it is.
          sliceArray = buffer;
          sliceOffset = position + prefix;
          sliceLength = end - position - prefix;
          result = DATA_LINE;
        } else if (isSameEventLine(buffer, position, end)) {
          // Anthropic and Responses streams name every event: the same name is not copied again.
          result = SAME_EVENT_LINE;
        } else {
          result = new String(buffer, position, end - position, StandardCharsets.UTF_8);
        }
      } else {
        appendToLine(position, end - position);
        result = takeLine();
      }
      position = end + 1;
      return result;
    }
  }

  /**
   * The index of the first CR or LF in {@code bytes[from, to)}, or {@code to}. Eight bytes at a
   * time: the scan for line ends is most of what reading an event costs, since an event's data is
   * otherwise not touched here.
   */
  static int lineEnd(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      long found = zeroBytes(word ^ LF_BYTES) | zeroBytes(word ^ CR_BYTES);
      // Only the lowest flagged byte is exact, which is the one wanted.
      if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
    }
    while (i < to && bytes[i] != LF && bytes[i] != CR) i++;
    return i;
  }

  /** A high bit set in the lowest byte of {@code word} that is zero (and maybe some above it). */
  private static long zeroBytes(long word) {
    return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
  }

  private void appendToLine(int from, int count) {
    if (count == 0) return;
    keepPendingSlice();
    checkLineLength(lineLength + count);
    if (lineLength + count > line.length) {
      int capacity =
          (int) Math.min((long) maxBytes, Math.max(2L * line.length, lineLength + count));
      line = Arrays.copyOf(line, capacity);
    }
    System.arraycopy(buffer, from, line, lineLength, count);
    lineLength += count;
  }

  private void checkLineLength(long length) {
    if (length > maxBytes) {
      throw new StreamProtocolException(
          "event-stream line " + (lineNumber + 1) + " is longer than " + maxBytes + " bytes");
    }
  }

  private String takeLine() {
    int prefix = dataPrefixLength(line, 0, lineLength);
    String result;
    if (prefix > 0) {
      // A data line that straddled two reads: a view of the line array, kept safe by
      // keepPendingSlice until the event is dispatched.
      sliceArray = line;
      sliceOffset = prefix;
      sliceLength = lineLength - prefix;
      result = DATA_LINE;
    } else {
      result = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }
    lineLength = 0;
    if (line.length > RETAINED_CAPACITY) line = new byte[256];
    return result;
  }

  private void fill() {
    keepPendingSlice();
    int read;
    try {
      read = in.read(buffer, 0, buffer.length);
    } catch (IOException e) {
      if (closed) throw new CancelledException("the event stream was closed", e);
      if (Thread.currentThread().isInterrupted()) {
        throw new CancelledException("reading the event stream was interrupted", e);
      }
      throw new TransportException(
          "reading the event stream failed after line " + lineNumber + ": " + e.getMessage(), e);
    }
    position = 0;
    if (read < 0) {
      limit = 0;
      endOfStream = true;
    } else {
      limit = read;
    }
  }

  /** The reader's reusable view of the event just dispatched. */
  private static final class CurrentEvent implements SseEvent {
    private String event = "";
    private String id = "";
    private long lineNumber;
    private String text;
    private byte[] bytes;
    private int offset;
    private int length;

    void set(String event, String id, long lineNumber, byte[] bytes, int offset, int length) {
      this.event = event;
      this.id = id;
      this.lineNumber = lineNumber;
      this.bytes = bytes;
      this.offset = offset;
      this.length = length;
      this.text = null;
    }

    void set(String event, String id, long lineNumber, String text) {
      this.event = event;
      this.id = id;
      this.lineNumber = lineNumber;
      this.text = text;
      this.bytes = null;
    }

    @Override
    public String event() {
      return event;
    }

    @Override
    public String data() {
      if (text == null) text = new String(bytes, offset, length, StandardCharsets.UTF_8);
      return text;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public long lineNumber() {
      return lineNumber;
    }

    @Override
    public byte[] dataArray() {
      if (bytes == null) {
        bytes = SseEvent.utf8(text);
        offset = 0;
        length = bytes.length;
      }
      return bytes;
    }

    @Override
    public int dataOffset() {
      dataArray();
      return offset;
    }

    @Override
    public int dataLength() {
      dataArray();
      return length;
    }

    @Override
    public String toString() {
      return "SseEvent[event=" + event + ", line " + lineNumber + "]";
    }
  }
}
