package dev.reverie.internal.sse;

import dev.reverie.error.CancelledException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import java.io.IOException;
import java.io.InputStream;
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
 * <p>Reading is lazy: {@link #next()} reads from the stream only until the blank line that ends the
 * next event, at most one buffer at a time, so each event is handed out as soon as it arrives.
 *
 * <p>Failures: a line or event longer than the limit throws {@link StreamProtocolException}; an
 * {@link IOException} while reading throws a retryable {@link TransportException}; reading on an
 * interrupted thread throws {@link CancelledException}. Not thread-safe, except that {@link
 * #close()} may be called from another thread to abort a blocked read, if the stream supports it.
 */
public final class SseReader implements AutoCloseable {
  /** The default limit for one line and for one event's data: 16 MiB. */
  public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

  private static final int BUFFER_SIZE = 8192;
  private static final int RETAINED_CAPACITY = 1024 * 1024;
  private static final byte CR = '\r';
  private static final byte LF = '\n';

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

  private StringBuilder data = new StringBuilder();

  private String firstData;
  private String fastDataValue;
  // Marks a line whose data value was decoded directly into fastDataValue (compared by identity).
  private static final String DATA_LINE = new String("data line");

  private int dataLines;
  private String eventType = "";
  private String lastEventId = "";
  private long eventStartLine;
  private long retry = -1;

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
   * The next event, or empty at the end of the stream (and after {@link #close()}).
   *
   * @throws StreamProtocolException when a line or an event exceeds the limit
   * @throws TransportException when reading the stream fails
   * @throws CancelledException when the thread was interrupted while reading
   */
  public Optional<ServerSentEvent> next() {
    if (closed) return Optional.empty();
    String text;
    while ((text = readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
      if (text.isEmpty()) {
        ServerSentEvent event = dispatch();
        if (event != null) return Optional.of(event);
      } else {
        processLine(text);
      }
    }
    return Optional.ofNullable(dispatch());
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
    long size = dataLines == 0 ? 0 : (dataLines == 1 ? firstData.length() + 1 : data.length());
    if (size + value.length() + 1 > maxBytes) {
      throw new StreamProtocolException(
          "event-stream event starting at line "
              + eventStartLine
              + " has more than "
              + maxBytes
              + " characters of data");
    }
    // Most events have one data line: keep it as is and join only when a second arrives.
    if (dataLines == 0) {
      firstData = value;
    } else {
      if (dataLines == 1) data.append(firstData);
      data.append('\n').append(value);
    }
    dataLines++;
  }

  /** The length of a leading {@code "data:"} or {@code "data: "} in the buffer range, or 0. */
  private int dataPrefixLength(int from, int to) {
    if (lineNumber == 0 || to - from < 5) return 0; // the first line may carry a BOM
    if (buffer[from] != 'd'
        || buffer[from + 1] != 'a'
        || buffer[from + 2] != 't'
        || buffer[from + 3] != 'a'
        || buffer[from + 4] != ':') {
      return 0;
    }
    return to - from > 5 && buffer[from + 5] == ' ' ? 6 : 5;
  }

  private void processLine(String text) {
    if (text == DATA_LINE) {
      if (eventStartLine == 0) eventStartLine = lineNumber;
      String value = fastDataValue;
      fastDataValue = null;
      appendData(value);
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
      case "event" -> eventType = value;
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

  private ServerSentEvent dispatch() {
    long start = eventStartLine;
    eventStartLine = 0;
    String type = eventType;
    eventType = "";
    if (dataLines == 0) return null;
    String joined;
    if (dataLines == 1) {
      joined = firstData;
    } else {
      joined = data.toString();
      if (data.capacity() > RETAINED_CAPACITY) {
        data = new StringBuilder();
      } else {
        data.setLength(0);
      }
    }
    dataLines = 0;
    firstData = null;
    return new ServerSentEvent(type, joined, lastEventId, start);
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
      int end = position;
      while (end < limit && buffer[end] != LF && buffer[end] != CR) end++;
      if (end == limit) {
        appendToLine(position, limit - position);
        position = limit;
        continue;
      }
      skipLineFeed = buffer[end] == CR;
      String result;
      if (lineLength == 0) {
        checkLineLength(end - position);
        int prefix = dataPrefixLength(position, end);
        if (prefix > 0) {
          // The hot path: a whole "data:" line in the buffer; decode only its value, once.
          fastDataValue =
              new String(
                  buffer, position + prefix, end - position - prefix, StandardCharsets.UTF_8);
          result = DATA_LINE;
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

  private void appendToLine(int from, int count) {
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
    String result = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    lineLength = 0;
    if (line.length > RETAINED_CAPACITY) line = new byte[256];
    return result;
  }

  private void fill() {
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
}
