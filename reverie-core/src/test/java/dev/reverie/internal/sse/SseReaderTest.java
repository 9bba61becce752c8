package dev.reverie.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import dev.reverie.testing.ScriptedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseReaderTest {
  private static final String OPENAI_LIKE =
      "data: {\"id\":\"1\",\"delta\":\"Ol\u00e1\"}\n"
          + "\n"
          + ": OPENROUTER PROCESSING\n"
          + "\n"
          + "event: response.output_text.delta\n"
          + "data: {\"delta\":\"\ud83d\ude00 caf\u00e9\"}\n"
          + "\n"
          + "event: ping\n"
          + "\n"
          + "id: 7\n"
          + "data: first\n"
          + "data:second\n"
          + "data\n"
          + "\n\n\n"
          + "data: [DONE]\n"
          + "\n";

  private static List<ServerSentEvent> readAll(InputStream in) {
    var events = new ArrayList<ServerSentEvent>();
    try (var reader = new SseReader(in)) {
      Optional<ServerSentEvent> event;
      while ((event = reader.next()).isPresent()) events.add(event.get());
    }
    return events;
  }

  private static List<ServerSentEvent> readAll(String text) {
    return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsEventsWithTypesDataAndIds() {
    assertThat(readAll(OPENAI_LIKE))
        .containsExactly(
            new ServerSentEvent("", "{\"id\":\"1\",\"delta\":\"Ol\u00e1\"}", "", 1),
            new ServerSentEvent(
                "response.output_text.delta", "{\"delta\":\"\ud83d\ude00 caf\u00e9\"}", "", 5),
            new ServerSentEvent("", "first\nsecond\n", "7", 10),
            new ServerSentEvent("", "[DONE]", "7", 17));
  }

  @Test
  void splittingTheBodyAtEveryOffsetGivesTheSameEvents() {
    byte[] bytes = OPENAI_LIKE.getBytes(StandardCharsets.UTF_8);
    List<ServerSentEvent> expected = readAll(OPENAI_LIKE);
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .isEqualTo(expected);
    }
    for (int first = 0; first < bytes.length; first += 3) {
      for (int second = first; second <= bytes.length; second += 5) {
        assertThat(readAll(ScriptedInputStream.splitAt(bytes, first, second)))
            .as("split at %d and %d", first, second)
            .isEqualTo(expected);
      }
    }
  }

  /**
   * Each event as advance()/current() offers it: its text and its bytes decoded, which must agree.
   */
  private static List<String> readInPlace(InputStream in) {
    var data = new ArrayList<String>();
    try (var reader = new SseReader(in)) {
      while (reader.advance()) {
        SseEvent event = reader.current();
        String fromBytes =
            new String(
                event.dataArray(), event.dataOffset(), event.dataLength(), StandardCharsets.UTF_8);
        assertThat(event.data()).isEqualTo(fromBytes);
        data.add(fromBytes + "@" + event.lineNumber() + "/" + event.event() + "/" + event.id());
      }
    }
    return data;
  }

  @Test
  void theEventInPlaceMatchesTheDetachedOneAtEverySplit() {
    // Long lines make events straddle the reader's 8 KiB buffer, so views of the buffer and of the
    // line array must survive refills.
    String body =
        OPENAI_LIKE
            + "data: "
            + "a".repeat(9000)
            + "\n\ndata: {\"x\":\""
            + "\u00e9".repeat(5000)
            + "\"}\n\nevent: e\ndata: "
            + "b".repeat(20000)
            + "\ndata: tail\n\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<String> expected =
        readAll(body).stream()
            .map(e -> e.data() + "@" + e.lineNumber() + "/" + e.event() + "/" + e.id())
            .toList();
    assertThat(expected).hasSize(7);
    for (int offset = 0; offset <= bytes.length; offset += 97) {
      assertThat(readInPlace(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .isEqualTo(expected);
    }
    for (int piece : new int[] {1, 5, 4096, 8191, 8192, 8193}) {
      assertThat(readInPlace(ScriptedInputStream.trickle(bytes, piece)))
          .as("pieces of %d", piece)
          .isEqualTo(expected);
    }
  }

  @Test
  void theWordAtATimeScanFindsTheFirstLineEndLikeAByteAtATimeOne() {
    var random = new java.util.Random(42);
    byte[] alphabet = {'\n', '\r', 'a', 0, 1, 9, 11, 12, 14, (byte) 0x80, (byte) 0x8a, (byte) 0xff};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        // Mostly plain bytes, so line ends fall at every position of a word.
        bytes[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      int expected = from;
      while (expected < to && bytes[expected] != '\n' && bytes[expected] != '\r') expected++;
      assertThat(SseReader.lineEnd(bytes, from, to))
          .as("%s [%d, %d)", java.util.Arrays.toString(bytes), from, to)
          .isEqualTo(expected);
    }
  }

  @Test
  void thereIsNoCurrentEventBeforeOneIsReadNorAfterTheEnd() {
    var reader =
        new SseReader(new ByteArrayInputStream("data: a\n\n".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(reader::current).isInstanceOf(IllegalStateException.class);
    assertThat(reader.advance()).isTrue();
    assertThat(reader.current().data()).isEqualTo("a");
    assertThat(reader.current().isDoneMarker()).isFalse();
    assertThat(reader.advance()).isFalse();
    assertThatThrownBy(reader::current).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[DONE]", " [DONE] ", "[DONE]\t"})
  void theDoneMarkerIsRecognisedOnTheBytes(String data) {
    var reader =
        new SseReader(
            new ByteArrayInputStream(("data:" + data + "\n\n").getBytes(StandardCharsets.UTF_8)));
    assertThat(reader.advance()).isTrue();
    assertThat(reader.current().isDoneMarker()).isTrue();
    assertThat(new ServerSentEvent("", data, "", 1).isDoneMarker()).isTrue();
    assertThat(new ServerSentEvent("", "[DONE]x", "", 1).isDoneMarker()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 64})
  void tricklingBytesGivesTheSameEvents(int piece) {
    byte[] bytes = OPENAI_LIKE.getBytes(StandardCharsets.UTF_8);
    assertThat(readAll(ScriptedInputStream.trickle(bytes, piece))).isEqualTo(readAll(OPENAI_LIKE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void everyLineEndStyleGivesTheSameEvents(String lineEnd) {
    String body = OPENAI_LIKE.replace("\n", lineEnd);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<ServerSentEvent> expected = readAll(OPENAI_LIKE);
    assertThat(readAll(body)).isEqualTo(expected);
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .isEqualTo(expected);
    }
  }

  @Test
  void crAtTheEndOfOneReadAndLfAtTheStartOfTheNextAreOneLineEnd() {
    byte[] bytes = "data: a\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(readAll(ScriptedInputStream.splitAt(bytes, 8)))
        .containsExactly(new ServerSentEvent("", "a\nb", "", 1));
  }

  @Test
  void mixedLineEndsInOneStream() {
    assertThat(readAll("data: a\rdata: b\r\n\ndata: c\n\r"))
        .containsExactly(
            new ServerSentEvent("", "a\nb", "", 1), new ServerSentEvent("", "c", "", 4));
  }

  @Test
  void fieldSyntaxFollowsTheStandard() {
    assertThat(readAll("data:x\n\n")).extracting(ServerSentEvent::data).containsExactly("x");
    assertThat(readAll("data:  two spaces\n\n"))
        .extracting(ServerSentEvent::data)
        .containsExactly(" two spaces");
    assertThat(readAll("data\n\n")).extracting(ServerSentEvent::data).containsExactly("");
    assertThat(readAll("data\ndata\n\n")).extracting(ServerSentEvent::data).containsExactly("\n");
    assertThat(readAll("data: a: b\n\n")).extracting(ServerSentEvent::data).containsExactly("a: b");
    assertThat(readAll("event:\ndata: x\n\n"))
        .extracting(ServerSentEvent::event)
        .containsExactly("");
    assertThat(readAll("Data: x\n\n")).isEmpty();
    assertThat(readAll("foo: bar\nbaz\ndata: x\n\n"))
        .containsExactly(new ServerSentEvent("", "x", "", 1));
  }

  @Test
  void commentsAndEventsWithoutDataAreNotDispatched() {
    assertThat(readAll(": comment\n\nevent: ping\n\n:\n\nid: 3\n\n")).isEmpty();
  }

  @Test
  void eventTypeDoesNotLeakIntoTheNextEvent() {
    assertThat(readAll("event: ping\n\ndata: x\n\n"))
        .containsExactly(new ServerSentEvent("", "x", "", 3));
  }

  @Test
  void anEventNameRepeatedFromTheLastEventLineIsReadTheSame() {
    // The second "event: delta" takes the fast path (same bytes as the last event line); the
    // others differ by a space, a byte, a character beyond ASCII or a name that was not last.
    assertThat(
            readAll(
                "event: delta\ndata: 1\n\nevent: delta\ndata: 2\n\nevent:delta\ndata: 3\n\n"
                    + "event: deltb\ndata: 4\n\nevent: delta \ndata: 5\n\nevent: d\u00e9lta\n"
                    + "data: 6\n\nevent: d\u00e9lta\ndata: 7\n\ndata: 8\n\nevent: delta\n"
                    + "event: stop\ndata: 9\n\n"))
        .extracting(ServerSentEvent::event)
        .containsExactly(
            "delta", "delta", "delta", "deltb", "delta ", "d\u00e9lta", "d\u00e9lta", "", "stop");
  }

  @Test
  void idPersistsAcrossEventsAndIdWithNullIsIgnored() {
    assertThat(readAll("id: 1\ndata: a\n\ndata: b\n\nid: x\u0000y\ndata: c\n\nid\ndata: d\n\n"))
        .extracting(ServerSentEvent::id)
        .containsExactly("1", "1", "1", "");
  }

  @Test
  void retryKeepsTheLastValidValue() {
    try (var reader = new SseReader(stream("retry: 1500\nretry: soon\nretry: \ndata: x\n\n"))) {
      assertThat(reader.retry()).isEmpty();
      assertThat(reader.next()).isPresent();
      assertThat(reader.retry()).hasValue(1500);
    }
  }

  @Test
  void lastEventWithoutBlankLineIsDispatchedAtEndOfStream() {
    assertThat(readAll("data: a\n\ndata: b\n"))
        .containsExactly(new ServerSentEvent("", "a", "", 1), new ServerSentEvent("", "b", "", 3));
    assertThat(readAll("data: a\n\ndata: [DONE]"))
        .extracting(ServerSentEvent::data)
        .containsExactly("a", "[DONE]");
    assertThat(readAll("data: a\r")).extracting(ServerSentEvent::data).containsExactly("a");
  }

  @Test
  void emptyStreamHasNoEvents() {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll("\n\n\r\n")).isEmpty();
  }

  @Test
  void endOfStreamIsStable() {
    try (var reader = new SseReader(stream("data: a\n\n"))) {
      assertThat(reader.next()).isPresent();
      assertThat(reader.next()).isEmpty();
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void multiByteCharactersSplitAcrossReadsDecodeCorrectly() {
    String text = "data: \u00e9\ud83d\ude00\u4e2d\n\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .extracting(ServerSentEvent::data)
          .as("split at %d", offset)
          .containsExactly("\u00e9\ud83d\ude00\u4e2d");
    }
    assertThat(readAll(ScriptedInputStream.trickle(bytes, 1)))
        .extracting(ServerSentEvent::data)
        .containsExactly("\u00e9\ud83d\ude00\u4e2d");
  }

  @Test
  void malformedUtf8BecomesReplacementCharacters() {
    byte[] bytes = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, 'x', '\n', '\n'};
    assertThat(readAll(new ByteArrayInputStream(bytes)))
        .extracting(ServerSentEvent::data)
        .containsExactly("\ufffdx");
  }

  @Test
  void leadingBomIsSkippedEvenWhenSplit() {
    byte[] bytes = "\ufeffdata: x\n\n".getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset <= 4; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .containsExactly(new ServerSentEvent("", "x", "", 1));
    }
    // Only at the start: a later BOM is part of the line, so this field name is unknown.
    assertThat(readAll("data: a\n\n\ufeffdata: b\n\n"))
        .extracting(ServerSentEvent::data)
        .containsExactly("a");
  }

  @Test
  void eachEventIsHandedOutWithoutReadingAhead() {
    var in = ScriptedInputStream.thenFail("data: a\n", "\n", "data: b\n\n");
    try (var reader = new SseReader(in)) {
      assertThat(reader.next()).map(ServerSentEvent::data).hasValue("a");
      assertThat(reader.next()).map(ServerSentEvent::data).hasValue("b");
      assertThatThrownBy(reader::next).isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void lineLongerThanTheLimitIsAProtocolError() {
    String longLine = "data: " + "x".repeat(100) + "\n\n";
    try (var reader = new SseReader(ScriptedInputStream.trickle(bytes(longLine), 7), 64)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(StreamProtocolException.class)
          .hasMessageContaining("line 1")
          .hasMessageContaining("64 bytes");
    }
    try (var reader = new SseReader(stream(longLine), 64)) {
      assertThatThrownBy(reader::next).isInstanceOf(StreamProtocolException.class);
    }
  }

  @Test
  void lineOfExactlyTheLimitIsAccepted() {
    String line = "data: " + "x".repeat(58);
    try (var reader = new SseReader(ScriptedInputStream.trickle(bytes(line + "\n\n"), 5), 64)) {
      assertThat(reader.next()).map(ServerSentEvent::data).hasValue("x".repeat(58));
    }
  }

  @Test
  void eventDataLongerThanTheLimitIsAProtocolError() {
    String body = "data: 0123456789\n".repeat(10) + "\n";
    try (var reader = new SseReader(stream(body), 64)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(StreamProtocolException.class)
          .hasMessageContaining("more than 64 characters");
    }
  }

  @Test
  void readFailureIsARetryableTransportException() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };
    try (var reader = new SseReader(failing)) {
      assertThatThrownBy(reader::next)
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessageContaining("connection reset");
    }
  }

  @Test
  void closeClosesTheStreamAndEndsReading() {
    var in = ScriptedInputStream.thenFail("data: a\n\n");
    var reader = new SseReader(in);
    reader.close();
    reader.close();
    assertThat(in.closed).isTrue();
    assertThat(reader.next()).isEmpty();
  }

  @Test
  void manyEventsDoNotAccumulateMemory() {
    String event = "data: " + "y".repeat(1000) + "\n\n";
    InputStream repeated =
        new InputStream() {
          int remaining = 20_000 * event.length();
          int index;

          @Override
          public int read() {
            if (remaining-- <= 0) return -1;
            char c = event.charAt(index);
            index = (index + 1) % event.length();
            return c;
          }
        };
    try (var reader = new SseReader(repeated)) {
      int count = 0;
      while (reader.next().isPresent()) count++;
      assertThat(count).isEqualTo(20_000);
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(bytes(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
