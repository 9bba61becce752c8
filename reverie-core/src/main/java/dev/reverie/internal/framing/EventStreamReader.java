package dev.reverie.internal.framing;

import dev.reverie.error.CancelledException;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Reads AWS event-stream bodies ({@code application/vnd.amazon.eventstream}, Bedrock's {@code
 * invoke-with-response-stream}) message by message.
 *
 * <p>A message is a 12-byte prelude (total length, headers length, both 32-bit big-endian, and the
 * CRC32 of those 8 bytes), the headers, the payload and the CRC32 of everything before it. Both
 * checksums are verified. A header is a 1-byte name length, the name, a 1-byte value type and the
 * value: 0 true, 1 false, 2 byte, 3 short, 4 int, 5 long (big-endian), 6 bytes and 7 string (each
 * with a 2-byte length), 8 timestamp (milliseconds, 8 bytes), 9 UUID (16 bytes). Exception and
 * error messages are handed out like events ({@link EventStreamMessage#isFailure()}); {@link
 * EventStreamErrors} turns them into typed errors.
 *
 * <p>Reading is lazy: {@link #advance()} reads exactly one message from the stream, so each is
 * handed out as soon as it arrives. The payload is a view of a buffer reused across messages.
 *
 * <p>Failures: a checksum that does not match, a length below the minimum or over the limits,
 * headers that run past their declared length or a header of an unknown type throw {@link
 * StreamProtocolException}; a body that ends inside a message throws a retryable {@link
 * IncompleteStreamException}; an {@link IOException} while reading throws a retryable {@link
 * TransportException}; reading on an interrupted thread, or a read aborted by {@link #close()},
 * throws {@link CancelledException}. After a failure, {@link #advance()} throws the same failure
 * again. Not thread-safe, except that {@link #close()} may be called from another thread.
 */
public final class EventStreamReader implements FrameReader<EventStreamMessage> {
  /** The default limit for one whole message: 16 MiB, the service limit. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** The default limit for one message's headers: 128 KiB, the service limit. */
  public static final int DEFAULT_MAX_HEADERS_BYTES = 128 * 1024;

  private static final int PRELUDE_BYTES = 12;
  private static final int CRC_BYTES = 4;
  private static final int MIN_MESSAGE_BYTES = PRELUDE_BYTES + CRC_BYTES;
  private static final int RETAINED_CAPACITY = 1024 * 1024;

  private final InputStream in;
  private final int maxMessageBytes;
  private final int maxHeadersBytes;
  private final byte[] prelude = new byte[PRELUDE_BYTES];
  private byte[] buffer = new byte[8192];
  private final CRC32 crc = new CRC32();
  private volatile boolean closed;
  private ReverieException failure;
  private long messages;
  private EventStreamMessage current;

  /** A reader with the default limits (16 MiB a message, 128 KiB of headers). */
  public EventStreamReader(InputStream in) {
    this(in, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_HEADERS_BYTES);
  }

  /**
   * A reader that rejects any message longer than {@code maxMessageBytes} and any headers longer
   * than {@code maxHeadersBytes}, before reading them.
   */
  public EventStreamReader(InputStream in, int maxMessageBytes, int maxHeadersBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (maxMessageBytes < MIN_MESSAGE_BYTES) {
      throw new IllegalArgumentException("maxMessageBytes must be at least 16: " + maxMessageBytes);
    }
    if (maxHeadersBytes < 0) {
      throw new IllegalArgumentException(
          "maxHeadersBytes must not be negative: " + maxHeadersBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
    this.maxHeadersBytes = maxHeadersBytes;
  }

  /**
   * Reads the next message into {@link #current()}. Returns false at the end of the body (and after
   * {@link #close()}).
   */
  @Override
  public boolean advance() {
    current = null;
    if (closed) return false;
    if (failure != null) throw failure;
    try {
      return readMessage();
    } catch (ReverieException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * The message the last {@link #advance()} read; valid only until the next {@link #advance()}.
   *
   * @throws IllegalStateException when the last {@link #advance()} read no message
   */
  @Override
  public EventStreamMessage current() {
    if (current == null) throw new IllegalStateException("no current message: call advance()");
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

  private boolean readMessage() {
    long number = messages + 1;
    int preludeRead = readFully(prelude, 0, PRELUDE_BYTES, number);
    if (preludeRead == 0) return false;
    if (preludeRead < PRELUDE_BYTES) throw truncated(number, preludeRead, PRELUDE_BYTES);
    long totalLength = uint32(prelude, 0);
    long headersLength = uint32(prelude, 4);
    crc.reset();
    crc.update(prelude, 0, 8);
    if (crc.getValue() != uint32(prelude, 8)) {
      throw protocol(number, "its prelude checksum does not match (a corrupted stream)");
    }
    if (totalLength < MIN_MESSAGE_BYTES) {
      throw protocol(number, "it declares " + totalLength + " bytes, fewer than the minimum 16");
    }
    if (totalLength > maxMessageBytes) {
      throw protocol(
          number, "it declares " + totalLength + " bytes, over the limit of " + maxMessageBytes);
    }
    if (headersLength > maxHeadersBytes) {
      throw protocol(
          number,
          "its headers declare " + headersLength + " bytes, over the limit of " + maxHeadersBytes);
    }
    if (headersLength > totalLength - MIN_MESSAGE_BYTES) {
      throw protocol(
          number,
          "its headers declare "
              + headersLength
              + " bytes, more than the message's "
              + totalLength);
    }
    int rest = (int) totalLength - PRELUDE_BYTES;
    if (buffer.length < rest || buffer.length > RETAINED_CAPACITY && rest <= RETAINED_CAPACITY) {
      buffer = new byte[Math.max(rest, 8192)];
    }
    int read = readFully(buffer, 0, rest, number);
    if (read < rest) throw truncated(number, PRELUDE_BYTES + read, totalLength);
    crc.update(prelude, 8, 4);
    crc.update(buffer, 0, rest - CRC_BYTES);
    if (crc.getValue() != uint32(buffer, rest - CRC_BYTES)) {
      throw protocol(number, "its message checksum does not match (a corrupted stream)");
    }
    Map<String, Object> headers = headers(buffer, (int) headersLength, number);
    int payloadLength = rest - (int) headersLength - CRC_BYTES;
    messages = number;
    current = new EventStreamMessage(headers, buffer, (int) headersLength, payloadLength, number);
    return true;
  }

  private static Map<String, Object> headers(byte[] bytes, int length, long number) {
    var headers = new LinkedHashMap<String, Object>();
    int i = 0;
    while (i < length) {
      int nameLength = bytes[i++] & 0xFF;
      if (nameLength == 0) throw protocol(number, "a header has an empty name");
      need(i, nameLength + 1, length, number);
      String name = new String(bytes, i, nameLength, StandardCharsets.UTF_8);
      i += nameLength;
      int type = bytes[i++];
      Object value;
      switch (type) {
        case 0 -> value = Boolean.TRUE;
        case 1 -> value = Boolean.FALSE;
        case 2 -> {
          need(i, 1, length, number);
          value = bytes[i];
          i += 1;
        }
        case 3 -> {
          need(i, 2, length, number);
          value = (short) (((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF));
          i += 2;
        }
        case 4 -> {
          need(i, 4, length, number);
          value = (int) uint32(bytes, i);
          i += 4;
        }
        case 5, 8 -> {
          need(i, 8, length, number);
          long longValue = (uint32(bytes, i) << 32) | uint32(bytes, i + 4);
          value = type == 5 ? (Object) longValue : Instant.ofEpochMilli(longValue);
          i += 8;
        }
        case 6, 7 -> {
          need(i, 2, length, number);
          int valueLength = ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
          i += 2;
          need(i, valueLength, length, number);
          value =
              type == 7
                  ? new String(bytes, i, valueLength, StandardCharsets.UTF_8)
                  : java.util.Arrays.copyOfRange(bytes, i, i + valueLength);
          i += valueLength;
        }
        case 9 -> {
          need(i, 16, length, number);
          long high = (uint32(bytes, i) << 32) | uint32(bytes, i + 4);
          long low = (uint32(bytes, i + 8) << 32) | uint32(bytes, i + 12);
          value = new UUID(high, low);
          i += 16;
        }
        default ->
            throw protocol(number, "header '" + name + "' has the unknown value type " + type);
      }
      headers.put(name, value);
    }
    return headers;
  }

  private static void need(int at, int count, int length, long number) {
    if ((long) at + count > length) {
      throw protocol(number, "a header runs past the end of the headers");
    }
  }

  /** Reads until {@code count} bytes or the end of the body; returns how many were read. */
  private int readFully(byte[] target, int offset, int count, long number) {
    int done = 0;
    while (done < count) {
      if (closed) throw new CancelledException("the event stream was closed");
      if (Thread.currentThread().isInterrupted()) {
        throw new CancelledException("reading the event stream was interrupted");
      }
      int read;
      try {
        read = in.read(target, offset + done, count - done);
      } catch (IOException e) {
        if (closed) throw new CancelledException("the event stream was closed", e);
        if (Thread.currentThread().isInterrupted()) {
          throw new CancelledException("reading the event stream was interrupted", e);
        }
        throw new TransportException(
            "reading the event stream failed in message " + number + ": " + e.getMessage(), e);
      }
      if (read < 0) break;
      done += read;
    }
    return done;
  }

  private static long uint32(byte[] bytes, int at) {
    return ((bytes[at] & 0xFFL) << 24)
        | ((bytes[at + 1] & 0xFFL) << 16)
        | ((bytes[at + 2] & 0xFFL) << 8)
        | (bytes[at + 3] & 0xFFL);
  }

  private static StreamProtocolException protocol(long number, String problem) {
    return new StreamProtocolException(
        "event-stream message " + number + " is malformed: " + problem);
  }

  private static IncompleteStreamException truncated(long number, long got, long wanted) {
    return new IncompleteStreamException(
        "the event stream ended inside message "
            + number
            + " ("
            + got
            + " of "
            + wanted
            + " bytes); the answer may be truncated");
  }
}
