package dev.reverie.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.FinishReason;
import dev.reverie.internal.framing.FramedPartStream;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A legitimate stream may run as long as its caller lets it: the per-stream parser of chat chunks
 * used to count every event against one 256 MiB document limit and fail a long stream after ~900k
 * chunks with a protocol error. Limits apply per event.
 */
class LongStreamTest {
  private static final long OLD_LIMIT = 256L * 1024 * 1024;

  /**
   * A chat-completions SSE body made as it is read: {@code chunks} content chunks, then the end.
   */
  private static final class GeneratedStream extends InputStream {
    private final byte[] event;
    private final byte[] tail;
    private final long chunks;
    private long chunk;
    private int position;
    long bytes;

    GeneratedStream(String text, long chunks) {
      this.event =
          ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                  + "\"delta\":{\"content\":\""
                  + text
                  + "\"},\"finish_reason\":null}]}\n\n")
              .getBytes(StandardCharsets.UTF_8);
      this.tail =
          ("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"
                  + "\n\ndata: [DONE]\n\n")
              .getBytes(StandardCharsets.UTF_8);
      this.chunks = chunks;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      byte[] current = chunk < chunks ? event : chunk == chunks ? tail : null;
      if (current == null) return -1;
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, n);
      position += n;
      bytes += n;
      if (position == current.length) {
        position = 0;
        chunk++;
      }
      return n;
    }
  }

  @Test
  void aStreamFarPastTheOldDocumentLimitFinishes() {
    String text = "x".repeat(2000);
    var body = new GeneratedStream(text, 150_000);
    HttpResponse response =
        new HttpResponse() {
          @Override
          public int status() {
            return 200;
          }

          @Override
          public HttpHeaders headers() {
            return HttpHeaders.of("Content-Type", "text/event-stream");
          }

          @Override
          public InputStream body() {
            return body;
          }

          @Override
          public void close() {}
        };
    ChatDialect dialect = () -> "test";
    long deltas = 0;
    long characters = 0;
    StreamPart last = null;
    try (var stream = FramedPartStream.sse(response, new ChatStreamDecoder(dialect), List.of())) {
      for (StreamPart part : stream) {
        if (part instanceof TextDelta delta) {
          deltas++;
          characters += delta.delta().length();
        }
        last = part;
      }
    }
    assertThat(body.bytes).isGreaterThan(OLD_LIMIT + OLD_LIMIT / 8);
    assertThat(last).isNotInstanceOf(Error.class).isInstanceOf(Finish.class);
    assertThat(((Finish) last).finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(deltas).isEqualTo(150_000);
    assertThat(characters).isEqualTo(150_000L * 2000);
  }
}
