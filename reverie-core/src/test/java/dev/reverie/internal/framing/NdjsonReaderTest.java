package dev.reverie.internal.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.error.CancelledException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import dev.reverie.testing.ScriptedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NdjsonReaderTest {
  private static final String CHUNK_HI =
      "{\"model\":\"llama3\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}";
  private static final String CHUNK_THERE =
      "{\"model\":\"llama3\",\"message\":{\"role\":\"assistant\",\"content\":\" th\u00e9re"
          + " \ud83d\ude00\"},\"done\":false}";
  private static final String CHUNK_DONE =
      "{\"done\":true,\"done_reason\":\"stop\",\"eval_count\":10}";
  private static final String OLLAMA = CHUNK_HI + "\n" + CHUNK_THERE + "\n" + CHUNK_DONE + "\n";

  /** One frame as the test sees it: its line number and text. */
  record Frame(long line, String text) {}

  /** Reads every frame, checking that each frame's bytes and its text agree. */
  private static List<Frame> readAll(NdjsonReader reader) {
    var frames = new ArrayList<Frame>();
    try (reader) {
      while (reader.advance()) {
        JsonLine line = reader.current();
        String fromBytes =
            new String(
                line.dataArray(), line.dataOffset(), line.dataLength(), StandardCharsets.UTF_8);
        assertThat(line.text()).isEqualTo(fromBytes);
        frames.add(new Frame(line.lineNumber(), fromBytes));
      }
    }
    return frames;
  }

  private static List<Frame> readAll(InputStream in) {
    return readAll(new NdjsonReader(in));
  }

  private static List<Frame> readAll(String text) {
    return readAll(stream(text));
  }

  @Test
  void readsATypicalOllamaStreamLineByLine() {
    assertThat(readAll(OLLAMA))
        .containsExactly(
            new Frame(1, CHUNK_HI), new Frame(2, CHUNK_THERE), new Frame(3, CHUNK_DONE));
  }

  @Test
  void splittingTheBodyAtEveryOffsetGivesTheSameFrames() {
    byte[] bytes = bytes(OLLAMA);
    List<Frame> expected = readAll(OLLAMA);
    for (int offset = 0; offset <= bytes.length; offset++) {
      var in = ScriptedInputStream.splitAt(bytes, offset);
      assertThat(readAll(in)).as("split at %d", offset).isEqualTo(expected);
      assertThat(in.closed).isTrue();
    }
    for (int first = 0; first < bytes.length; first += 3) {
      for (int second = first; second <= bytes.length; second += 5) {
        assertThat(readAll(ScriptedInputStream.splitAt(bytes, first, second)))
            .as("split at %d and %d", first, second)
            .isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 64})
  void tricklingBytesGivesTheSameFrames(int piece) {
    assertThat(readAll(ScriptedInputStream.trickle(bytes(OLLAMA), piece)))
        .isEqualTo(readAll(OLLAMA));
  }

  @Test
  void crlfLineEndsGiveTheSameFramesAtEverySplit() {
    String body = OLLAMA.replace("\n", "\r\n");
    byte[] bytes = bytes(body);
    List<Frame> expected = readAll(OLLAMA);
    assertThat(readAll(body)).isEqualTo(expected);
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .isEqualTo(expected);
    }
  }

  @Test
  void crAtTheEndOfOneReadAndLfAtTheStartOfTheNextAreOneLineEnd() {
    byte[] bytes = bytes("{\"a\":1}\r\n{\"b\":2}\r\n");
    assertThat(readAll(ScriptedInputStream.splitAt(bytes, 8)))
        .containsExactly(new Frame(1, "{\"a\":1}"), new Frame(2, "{\"b\":2}"));
    assertThat(readAll(ScriptedInputStream.trickle(bytes, 1)))
        .containsExactly(new Frame(1, "{\"a\":1}"), new Frame(2, "{\"b\":2}"));
  }

  @Test
  void aCrNotBeforeALineFeedIsPartOfTheLine() {
    assertThat(readAll("{\"a\":\r1}\n")).containsExactly(new Frame(1, "{\"a\":\r1}"));
  }

  @Test
  void blankAndWhitespaceOnlyLinesAreSkippedButCounted() {
    assertThat(readAll("\n\n  \t\n\r\n{\"a\":1}\n \n\n{\"b\":2}\n\n\r\n"))
        .containsExactly(new Frame(5, "{\"a\":1}"), new Frame(8, "{\"b\":2}"));
    // Surrounding whitespace of a non-blank line is kept; it is JSON whitespace.
    assertThat(readAll(" {\"a\":1}\t\n")).containsExactly(new Frame(1, " {\"a\":1}\t"));
  }

  @Test
  void emptyAndBlankBodiesHaveNoFrames() {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll("\n\r\n  \n")).isEmpty();
    assertThat(readAll("   ")).isEmpty();
  }

  @Test
  void lastLineWithoutALineEndIsStillAFrame() {
    assertThat(readAll("{\"a\":1}\n{\"b\":2}"))
        .containsExactly(new Frame(1, "{\"a\":1}"), new Frame(2, "{\"b\":2}"));
    assertThat(readAll("{\"b\":2}\r")).containsExactly(new Frame(1, "{\"b\":2}"));
    byte[] bytes = bytes(CHUNK_HI + "\n" + CHUNK_DONE);
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .containsExactly(new Frame(1, CHUNK_HI), new Frame(2, CHUNK_DONE));
    }
  }

  @Test
  void leadingBomIsSkippedEvenWhenSplit() {
    byte[] bytes = bytes("\ufeff{\"a\":1}\n");
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .containsExactly(new Frame(1, "{\"a\":1}"));
    }
    assertThat(readAll("\ufeff\n{\"a\":1}")).containsExactly(new Frame(2, "{\"a\":1}"));
    // Only at the start of the body: a later BOM is part of its line.
    assertThat(readAll("{\"a\":1}\n\ufeff{\"b\":2}\n"))
        .containsExactly(new Frame(1, "{\"a\":1}"), new Frame(2, "\ufeff{\"b\":2}"));
  }

  @Test
  void multiByteCharactersSplitAcrossReadsDecodeCorrectly() {
    String json = "{\"content\":\"\u00e9\ud83d\ude00\u4e2d\"}";
    byte[] bytes = bytes(json + "\n");
    for (int offset = 0; offset <= bytes.length; offset++) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .containsExactly(new Frame(1, json));
    }
    assertThat(readAll(ScriptedInputStream.trickle(bytes, 1))).containsExactly(new Frame(1, json));
  }

  @Test
  void malformedUtf8BecomesReplacementCharacters() {
    byte[] bytes = {'"', (byte) 0xC3, 'x', '"', '\n'};
    assertThat(readAll(new ByteArrayInputStream(bytes)))
        .containsExactly(new Frame(1, "\"\ufffdx\""));
  }

  @Test
  void linesLongerThanTheBufferSurviveEverySplit() {
    // Lines longer than the reader's 8 KiB buffer are gathered across reads.
    String body =
        OLLAMA
            + "{\"a\":\""
            + "a".repeat(9000)
            + "\"}\r\n\n{\"e\":\""
            + "\u00e9".repeat(5000)
            + "\"}\n"
            + CHUNK_DONE
            + "\n{\"b\":\""
            + "b".repeat(20000)
            + "\"}";
    byte[] bytes = bytes(body);
    List<Frame> expected = readAll(body);
    assertThat(expected).hasSize(7);
    assertThat(expected.get(3)).isEqualTo(new Frame(4, "{\"a\":\"" + "a".repeat(9000) + "\"}"));
    assertThat(expected.get(6).line()).isEqualTo(8);
    for (int offset = 0; offset <= bytes.length; offset += 97) {
      assertThat(readAll(ScriptedInputStream.splitAt(bytes, offset)))
          .as("split at %d", offset)
          .isEqualTo(expected);
    }
    for (int piece : new int[] {1, 5, 4096, 8191, 8192, 8193}) {
      assertThat(readAll(ScriptedInputStream.trickle(bytes, piece)))
          .as("pieces of %d", piece)
          .isEqualTo(expected);
    }
  }

  @Test
  void aLineInTheBufferIsAViewOfItNotACopy() {
    try (var reader = new NdjsonReader(stream("{\"a\":1}\n{\"b\":2}\n"))) {
      assertThat(reader.advance()).isTrue();
      JsonLine first = reader.current();
      byte[] array = first.dataArray();
      assertThat(first.dataOffset()).isZero();
      assertThat(first.dataLength()).isEqualTo(7);
      assertThat(first.text()).isSameAs(first.text());
      assertThat(reader.advance()).isTrue();
      assertThat(reader.current()).isSameAs(first);
      assertThat(reader.current().dataArray()).isSameAs(array);
      assertThat(reader.current().dataOffset()).isEqualTo(8);
      assertThat(reader.current().text()).isEqualTo("{\"b\":2}");
      assertThat(reader.current()).hasToString("JsonLine[line 2, 7 bytes]");
    }
  }

  @Test
  void thereIsNoCurrentFrameBeforeOneIsReadNorAfterTheEnd() {
    try (var reader = new NdjsonReader(stream("{}\n"))) {
      assertThatThrownBy(reader::current).isInstanceOf(IllegalStateException.class);
      assertThat(reader.advance()).isTrue();
      assertThat(reader.current().text()).isEqualTo("{}");
      assertThat(reader.advance()).isFalse();
      assertThatThrownBy(reader::current).isInstanceOf(IllegalStateException.class);
      assertThat(reader.advance()).isFalse();
    }
  }

  @Test
  void eachFrameIsHandedOutWithoutReadingAhead() {
    var in = ScriptedInputStream.thenFail("{\"a\":1}\n", "\n", "{\"b\":2}\n");
    try (var reader = new NdjsonReader(in)) {
      assertThat(reader.advance()).isTrue();
      assertThat(reader.current().text()).isEqualTo("{\"a\":1}");
      assertThat(reader.advance()).isTrue();
      assertThat(reader.current().text()).isEqualTo("{\"b\":2}");
      assertThat(in.reads).isEqualTo(3);
      assertThatThrownBy(reader::advance).isInstanceOf(AssertionError.class);
    }
  }

  /**
   * The limit counts a line's bytes without its line end (and without a leading BOM), whether the
   * line lies in one read or is gathered across many, and whatever ends it.
   */
  @ParameterizedTest
  @CsvSource({
    "64, 1, LF",
    "64, 3, CRLF",
    "64, 8192, LF",
    "64, 8192, CRLF",
    "64, 8192, END",
    "64, 7, END",
    "20000, 8192, LF",
    "20000, 8192, CRLF",
    "20000, 1000, END",
  })
  void aLineExactlyAtTheLimitPassesAndOneByteOverFails(int limit, int piece, String end) {
    String lineEnd =
        switch (end) {
          case "LF" -> "\n";
          case "CRLF" -> "\r\n";
          default -> "";
        };
    String atLimit = "\"" + "x".repeat(limit - 2) + "\"";
    String overLimit = "\"" + "x".repeat(limit - 1) + "\"";
    String passing = "{}\n" + atLimit + lineEnd;
    assertThat(readAll(new NdjsonReader(ScriptedInputStream.trickle(bytes(passing), piece), limit)))
        .containsExactly(new Frame(1, "{}"), new Frame(2, atLimit));
    String failing = "{}\n" + overLimit + lineEnd;
    try (var reader = new NdjsonReader(ScriptedInputStream.trickle(bytes(failing), piece), limit)) {
      assertThat(reader.advance()).isTrue();
      assertThatThrownBy(reader::advance)
          .isInstanceOf(StreamProtocolException.class)
          .hasMessage("NDJSON line 2 is longer than " + limit + " bytes");
    }
    // The first line may carry a BOM on top of the limit.
    String withBom = "\ufeff" + atLimit + lineEnd;
    assertThat(readAll(new NdjsonReader(ScriptedInputStream.trickle(bytes(withBom), piece), limit)))
        .containsExactly(new Frame(1, atLimit));
  }

  @Test
  void theLimitAppliesToBlankLinesToo() {
    try (var reader = new NdjsonReader(stream("{}\n\n" + " ".repeat(65) + "\n{}\n"), 64)) {
      assertThat(reader.advance()).isTrue();
      assertThatThrownBy(reader::advance)
          .isInstanceOf(StreamProtocolException.class)
          .hasMessage("NDJSON line 3 is longer than 64 bytes");
    }
  }

  @Test
  void theDefaultLimitIs16MiBAndTheLimitMustBePositive() {
    assertThat(NdjsonReader.DEFAULT_MAX_BYTES).isEqualTo(16 * 1024 * 1024);
    assertThatThrownBy(() -> new NdjsonReader(stream(""), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NdjsonReader(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void anIoExceptionMidStreamIsARetryableTransportException() {
    var failing = new FailingAfter(bytes(CHUNK_HI + "\n{\"model\":"), new IOException("reset"));
    try (var reader = new NdjsonReader(failing)) {
      assertThat(reader.advance()).isTrue();
      assertThat(reader.current().text()).isEqualTo(CHUNK_HI);
      assertThatThrownBy(reader::advance)
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.isRetryable()).isTrue())
          .hasMessage("reading the NDJSON stream failed after line 1: reset")
          .hasCauseInstanceOf(IOException.class);
      // The reader stays failed rather than hand out the cut-short line.
      assertThatThrownBy(reader::advance).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void closeMakesAdvanceReturnFalseAndIsIdempotent() {
    var in = ScriptedInputStream.thenFail("{\"a\":1}\n");
    var reader = new NdjsonReader(in);
    reader.close();
    reader.close();
    assertThat(in.closed).isTrue();
    assertThat(reader.advance()).isFalse();
    assertThat(in.reads).isZero();

    var buffered = new NdjsonReader(stream("{\"a\":1}\n{\"b\":2}\n"));
    assertThat(buffered.advance()).isTrue();
    buffered.close();
    assertThat(buffered.advance()).isFalse();
    assertThatThrownBy(buffered::current).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeFromAnotherThreadAbortsABlockedRead() throws Exception {
    var in = new BlockingInputStream();
    var reader = new NdjsonReader(in);
    var thrown = new AtomicReference<Throwable>();
    Thread readerThread =
        new Thread(
            () -> {
              try {
                reader.advance();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    readerThread.start();
    assertThat(in.blocked.await(10, TimeUnit.SECONDS)).isTrue();
    reader.close();
    readerThread.join(10_000);
    assertThat(readerThread.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(CancelledException.class)
        .hasMessage("the NDJSON stream was closed");
    assertThat(reader.advance()).isFalse();
  }

  @Test
  void readingOnAnInterruptedThreadIsCancelled() {
    var in = ScriptedInputStream.thenFail("{\"a\":1}\n");
    try (var reader = new NdjsonReader(in)) {
      Thread.currentThread().interrupt();
      assertThatThrownBy(reader::advance)
          .isInstanceOf(CancelledException.class)
          .hasMessage("reading the NDJSON stream was interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(in.reads).isZero();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void theWordAtATimeScanFindsTheFirstLineFeedLikeAByteAtATimeOne() {
    var random = new Random(42);
    byte[] alphabet = {'\n', '\r', 'a', 0, 1, 9, 11, (byte) 0x80, (byte) 0x8a, (byte) 0xff};
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      int expected = from;
      while (expected < to && bytes[expected] != '\n') expected++;
      assertThat(NdjsonReader.lineFeed(bytes, from, to))
          .as("%s [%d, %d)", Arrays.toString(bytes), from, to)
          .isEqualTo(expected);
    }
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(bytes(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Hands out its bytes in one read, then throws the given exception. */
  private static final class FailingAfter extends InputStream {
    private final byte[] bytes;
    private final IOException failure;
    private boolean served;

    FailingAfter(byte[] bytes, IOException failure) {
      this.bytes = bytes;
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      throw failure;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (served) throw failure;
      served = true;
      System.arraycopy(bytes, 0, target, offset, bytes.length);
      return bytes.length;
    }
  }

  /** Blocks every read until closed, then fails it, as a socket stream closed under a read does. */
  private static final class BlockingInputStream extends InputStream {
    final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int read() throws IOException {
      blocked.countDown();
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("Socket closed");
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      return read();
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
