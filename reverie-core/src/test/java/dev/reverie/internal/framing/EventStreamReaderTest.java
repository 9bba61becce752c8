package dev.reverie.internal.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.CancelledException;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import dev.reverie.internal.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventStreamReaderTest {

  /** What a test keeps of one message: its headers and payload, detached from the reader. */
  record Read(Map<String, Object> headers, String payload) {}

  static List<String> recordedBodies() {
    return EventStreamFrames.recordedNames();
  }

  private static List<Read> readAll(InputStream in) {
    var read = new ArrayList<Read>();
    try (var reader = new EventStreamReader(in)) {
      while (reader.advance()) {
        EventStreamMessage m = reader.current();
        // Byte arrays compare by content in the detached copy.
        var headers = new java.util.LinkedHashMap<String, Object>();
        m.headers().forEach((k, v) -> headers.put(k, v instanceof byte[] b ? List.of(b) : v));
        read.add(new Read(headers, m.payloadText()));
      }
    }
    return read;
  }

  @ParameterizedTest
  @MethodSource("recordedBodies")
  void everyRecordedBodyDecodesIntoBedrockChunksOfAnthropicEvents(String name) {
    List<Read> messages = readAll(new ByteArrayInputStream(EventStreamFrames.recorded(name)));

    assertThat(messages).isNotEmpty();
    var types = new ArrayList<String>();
    for (Read m : messages) {
      assertThat(m.headers())
          .containsEntry(":event-type", "chunk")
          .containsEntry(":content-type", "application/json")
          .containsEntry(":message-type", "event");
      String bytes = Json.parse(m.payload(), "payload").path("bytes").asText();
      var event =
          Json.parse(
              new String(Base64.getDecoder().decode(bytes), StandardCharsets.UTF_8), "event");
      types.add(event.path("type").asText());
      if (event.path("type").asText().equals("message_stop")) {
        assertThat(event.path("amazon-bedrock-invocationMetrics").path("outputTokenCount").asInt())
            .isPositive();
      }
    }
    assertThat(types.get(0)).isEqualTo("message_start");
    assertThat(types.get(types.size() - 1)).isEqualTo("message_stop");
  }

  @ParameterizedTest
  @MethodSource("recordedBodies")
  void splittingARecordedBodyAtEveryOffsetGivesTheSameMessages(String name) {
    byte[] bytes = EventStreamFrames.recorded(name);
    List<Read> whole = readAll(new ByteArrayInputStream(bytes));
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(EventStreamFrames.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .isEqualTo(whole);
    }
  }

  @Test
  void tricklingOneByteAtATimeGivesTheSameMessages() {
    byte[] bytes = EventStreamFrames.recorded(EventStreamFrames.recordedNames().get(2));
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertThat(readAll(trickle)).isEqualTo(readAll(new ByteArrayInputStream(bytes)));
  }

  @Test
  void aFlippedBitAnywhereInARecordedBodyIsCaughtByAChecksum() {
    byte[] bytes = EventStreamFrames.recorded(EventStreamFrames.recordedNames().get(0));
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit += 3) {
        byte[] corrupted = bytes.clone();
        corrupted[i] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(corrupted)))
            .as("bit %d of byte %d", bit, i)
            .isInstanceOfAny(StreamProtocolException.class, IncompleteStreamException.class);
      }
    }
  }

  @Test
  void aFlippedBitInThePreludeChecksumIsAProtocolError() {
    byte[] message = EventStreamFrames.chunk().payload("{}");
    message[9] ^= 0x10;
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(message)))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("message 1")
        .hasMessageContaining("prelude checksum");
  }

  @Test
  void aFlippedBitInThePayloadIsCaughtByTheMessageChecksum() {
    byte[] first = EventStreamFrames.chunk().payload("{\"a\":1}");
    byte[] second = EventStreamFrames.chunk().payload("{\"b\":2}");
    second[second.length - 6] ^= 0x01;
    var reader =
        new EventStreamReader(new ByteArrayInputStream(EventStreamFrames.concat(first, second)));
    assertThat(reader.advance()).isTrue();
    assertThat(reader.current().payloadText()).isEqualTo("{\"a\":1}");
    assertThatThrownBy(reader::advance)
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("message 2")
        .hasMessageContaining("message checksum");
    // The failure sticks.
    assertThatThrownBy(reader::advance).isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void aBodyCutAnywhereInsideAMessageIsAnIncompleteStream() {
    byte[] bytes = EventStreamFrames.recorded(EventStreamFrames.recordedNames().get(0));
    var boundaries = new java.util.HashSet<Integer>();
    for (int at = 0; at < bytes.length; at += ByteBuffer.wrap(bytes, at, 4).getInt()) {
      boundaries.add(at);
    }
    for (int cut = 1; cut < bytes.length; cut++) {
      byte[] truncated = Arrays.copyOf(bytes, cut);
      if (boundaries.contains(cut)) {
        assertThat(readAll(new ByteArrayInputStream(truncated))).as("cut at %d", cut).isNotEmpty();
      } else {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(truncated)))
            .as("cut at %d", cut)
            .isInstanceOf(IncompleteStreamException.class)
            .hasMessageContaining("ended inside message")
            .satisfies(e -> assertThat(((IncompleteStreamException) e).isRetryable()).isTrue());
      }
    }
  }

  @Test
  void anEmptyBodyHasNoMessages() {
    assertThat(readAll(new ByteArrayInputStream(new byte[0]))).isEmpty();
  }

  @Test
  void anOversizedLengthIsRejectedBeforeTheMessageIsRead() {
    byte[] prelude = ByteBuffer.allocate(12).putInt(64 * 1024 * 1024).putInt(0).array();
    ByteBuffer.wrap(prelude).putInt(8, (int) EventStreamFrames.crc(prelude, 0, 8));
    // A stream that fails if anything past the prelude were read.
    InputStream in =
        new ByteArrayInputStream(prelude) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n < 0) throw new AssertionError("read past the prelude");
            return n;
          }
        };
    assertThatThrownBy(() -> readAll(in))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("over the limit of " + EventStreamReader.DEFAULT_MAX_MESSAGE_BYTES);
  }

  @Test
  void theLimitsAreConfigurable() {
    byte[] message = EventStreamFrames.chunk().payload("x".repeat(100));
    assertThatThrownBy(
            () -> new EventStreamReader(new ByteArrayInputStream(message), 64, 1024).advance())
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("over the limit of 64");
    assertThatThrownBy(
            () -> new EventStreamReader(new ByteArrayInputStream(message), 1024, 16).advance())
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("headers declare");
    assertThat(
            new EventStreamReader(new ByteArrayInputStream(message), message.length, 1024)
                .advance())
        .isTrue();
  }

  @Test
  void lengthsThatDoNotAddUpAreProtocolErrors() {
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(prelude(8, 0))))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("fewer than the minimum");
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(prelude(32, 20))))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("more than the message's");
  }

  private static byte[] prelude(int total, int headers) {
    byte[] bytes = new byte[Math.max(total, 12)];
    ByteBuffer.wrap(bytes).putInt(total).putInt(headers);
    ByteBuffer.wrap(bytes).putInt(8, (int) EventStreamFrames.crc(bytes, 0, 8));
    return bytes;
  }

  @Test
  void everyHeaderTypeIsDecoded() {
    UUID uuid = UUID.fromString("12345678-9abc-def0-1234-56789abcdef0");
    byte[] message =
        new EventStreamFrames()
            .header("t", 0, new byte[0])
            .header("f", 1, new byte[0])
            .header("b", 2, new byte[] {-3})
            .header("s", 3, ByteBuffer.allocate(2).putShort((short) -300).array())
            .header("i", 4, ByteBuffer.allocate(4).putInt(-70000).array())
            .header("l", 5, ByteBuffer.allocate(8).putLong(-5_000_000_000L).array())
            .header("bytes", 6, new byte[] {0, 3, 1, 2, 3})
            .string("str", "héllo")
            .header("ts", 8, ByteBuffer.allocate(8).putLong(1_700_000_000_123L).array())
            .header(
                "u",
                9,
                ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits())
                    .array())
            .string(":message-type", "event")
            .payload("payload");
    var reader = new EventStreamReader(new ByteArrayInputStream(message));
    assertThat(reader.advance()).isTrue();
    Map<String, Object> headers = reader.current().headers();
    assertThat(headers.get("t")).isEqualTo(true);
    assertThat(headers.get("f")).isEqualTo(false);
    assertThat(headers.get("b")).isEqualTo((byte) -3);
    assertThat(headers.get("s")).isEqualTo((short) -300);
    assertThat(headers.get("i")).isEqualTo(-70000);
    assertThat(headers.get("l")).isEqualTo(-5_000_000_000L);
    assertThat((byte[]) headers.get("bytes")).containsExactly(1, 2, 3);
    assertThat(headers.get("str")).isEqualTo("héllo");
    assertThat(headers.get("ts")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(headers.get("u")).isEqualTo(uuid);
    assertThat(headers.keySet())
        .containsExactly("t", "f", "b", "s", "i", "l", "bytes", "str", "ts", "u", ":message-type");
    assertThat(reader.current().stringHeader("i")).isEmpty();
    assertThat(reader.current().messageType()).isEqualTo("event");
    assertThat(reader.current().payloadText()).isEqualTo("payload");
    assertThat(reader.advance()).isFalse();
  }

  @Test
  void anUnknownHeaderTypeOrAHeaderRunningPastTheHeadersIsAProtocolError() {
    byte[] unknown = new EventStreamFrames().header("x", 10, new byte[0]).payload("{}");
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(unknown)))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("unknown value type 10");
    byte[] overrun = new EventStreamFrames().header("x", 7, new byte[] {0, 50, 'a'}).payload("{}");
    assertThatThrownBy(() -> readAll(new ByteArrayInputStream(overrun)))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("runs past the end of the headers");
  }

  @Test
  void anExceptionMidStreamIsHandedOutAndBecomesATypedError() {
    byte[] body =
        EventStreamFrames.concat(
            EventStreamFrames.bedrockChunk("{\"type\":\"ping\"}"),
            EventStreamFrames.exception("throttlingException", "Too many requests"),
            EventStreamFrames.bedrockChunk("{\"type\":\"ping\"}"));
    var reader = new EventStreamReader(new ByteArrayInputStream(body));
    assertThat(reader.advance()).isTrue();
    assertThat(reader.current().isFailure()).isFalse();
    assertThat(reader.advance()).isTrue();
    EventStreamMessage failure = reader.current();
    assertThat(failure.isFailure()).isTrue();
    assertThat(failure.exceptionType()).isEqualTo("throttlingException");

    ProviderException error = EventStreamErrors.toException("bedrock", failure, "req-1");
    assertThat(error.isRetryable()).isTrue();
    assertThat(error.errorType()).isEqualTo("throttlingException");
    assertThat(error.providerMessage()).isEqualTo("Too many requests");
    assertThat(error.requestId()).isEqualTo("req-1");
    assertThat(error.status()).isZero();
  }

  @Test
  void transientExceptionsAreRetryableAndTheRestAreNot() {
    for (String type :
        List.of(
            "throttlingException",
            "modelStreamErrorException",
            "internalServerException",
            "serviceUnavailableException")) {
      assertThat(EventStreamErrors.isRetryable(type)).as(type).isTrue();
    }
    for (String type :
        List.of("validationException", "accessDeniedException", "resourceNotFoundException", "")) {
      assertThat(EventStreamErrors.isRetryable(type)).as(type).isFalse();
    }
  }

  @Test
  void anErrorMessageUsesItsErrorCodeAndMessageHeaders() {
    byte[] body =
        new EventStreamFrames()
            .string(":message-type", "error")
            .string(":error-code", "InternalFailure")
            .string(":error-message", "something broke")
            .payload(new byte[0]);
    var reader = new EventStreamReader(new ByteArrayInputStream(body));
    assertThat(reader.advance()).isTrue();
    ProviderException error = EventStreamErrors.toException("bedrock", reader.current(), "");
    assertThat(error.errorType()).isEqualTo("InternalFailure");
    assertThat(error.providerMessage()).isEqualTo("something broke");
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void aReadFailureIsARetryableTransportException() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException("connection reset");
          }
        };
    assertThatThrownBy(() -> new EventStreamReader(failing).advance())
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("connection reset")
        .satisfies(e -> assertThat(((TransportException) e).isRetryable()).isTrue());
  }

  @Test
  void closingEndsReadingAndThereIsNoCurrentMessageBeforeOrAfter() {
    var reader =
        new EventStreamReader(new ByteArrayInputStream(EventStreamFrames.chunk().payload("{}")));
    assertThatThrownBy(reader::current).isInstanceOf(IllegalStateException.class);
    reader.close();
    assertThat(reader.advance()).isFalse();
    assertThatThrownBy(reader::current).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anInterruptedThreadIsCancelled() {
    var reader =
        new EventStreamReader(new ByteArrayInputStream(EventStreamFrames.chunk().payload("{}")));
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(reader::advance).isInstanceOf(CancelledException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
