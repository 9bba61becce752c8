package dev.reverie.internal.framing;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * One message of an AWS event stream ({@code application/vnd.amazon.eventstream}), as a decoder
 * reads it: its headers, decoded, and its payload bytes.
 *
 * <p>Header values keep their wire type: {@link Boolean}, {@link Byte}, {@link Short}, {@link
 * Integer}, {@link Long}, {@code byte[]}, {@link String}, {@link java.time.Instant} (timestamps) or
 * {@link java.util.UUID}. The well-known string headers have their own accessors. For {@link
 * EventStreamReader#current()} the payload is a view of the reader's buffer: it, and the message,
 * are valid only until the reader advances.
 */
public final class EventStreamMessage {
  /** The {@code :message-type} of an ordinary event. */
  public static final String EVENT = "event";

  /** The {@code :message-type} of a modelled service exception ({@code :exception-type}). */
  public static final String EXCEPTION = "exception";

  /** The {@code :message-type} of an unmodelled error ({@code :error-code}). */
  public static final String ERROR = "error";

  private final Map<String, Object> headers;
  private final byte[] payloadArray;
  private final int payloadOffset;
  private final int payloadLength;
  private final long number;

  EventStreamMessage(
      Map<String, Object> headers,
      byte[] payloadArray,
      int payloadOffset,
      int payloadLength,
      long number) {
    this.headers = Collections.unmodifiableMap(headers);
    this.payloadArray = payloadArray;
    this.payloadOffset = payloadOffset;
    this.payloadLength = payloadLength;
    this.number = number;
  }

  /** Every header, by name, in wire order, with its typed value. */
  public Map<String, Object> headers() {
    return headers;
  }

  /** A string header's value; empty when the header is absent or not a string. */
  public Optional<String> stringHeader(String name) {
    return headers.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
  }

  /** The {@code :message-type} header: {@code event}, {@code exception} or {@code error}. */
  public String messageType() {
    return stringHeader(":message-type").orElse("");
  }

  /** The {@code :event-type} header (e.g. {@code chunk}), or empty. */
  public String eventType() {
    return stringHeader(":event-type").orElse("");
  }

  /** The {@code :exception-type} header of an exception (e.g. {@code throttlingException}). */
  public String exceptionType() {
    return stringHeader(":exception-type").orElse("");
  }

  /** The {@code :content-type} header (e.g. {@code application/json}), or empty. */
  public String contentType() {
    return stringHeader(":content-type").orElse("");
  }

  /** Whether the message reports a failure ({@code exception} or {@code error}). */
  public boolean isFailure() {
    String type = messageType();
    return type.equals(EXCEPTION) || type.equals(ERROR);
  }

  /** The array holding the payload; read only the range given. */
  public byte[] payloadArray() {
    return payloadArray;
  }

  /** Where the payload starts in {@link #payloadArray()}. */
  public int payloadOffset() {
    return payloadOffset;
  }

  /** How many bytes the payload has. */
  public int payloadLength() {
    return payloadLength;
  }

  /** The payload decoded as UTF-8 (malformed bytes become U+FFFD). */
  public String payloadText() {
    return new String(payloadArray, payloadOffset, payloadLength, StandardCharsets.UTF_8);
  }

  /** The 1-based position of this message in the stream, for error messages. */
  public long number() {
    return number;
  }

  @Override
  public String toString() {
    return "EventStreamMessage[#"
        + number
        + " "
        + messageType()
        + " "
        + (eventType().isEmpty() ? exceptionType() : eventType())
        + ", "
        + payloadLength
        + " bytes]";
  }
}
