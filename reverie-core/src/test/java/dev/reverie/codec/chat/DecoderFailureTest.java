package dev.reverie.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.ProviderData;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.FramedPartStream;
import dev.reverie.stream.Error;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** How the chat stream decoder copes with its dialect: a failing hook, reasoning after text. */
class DecoderFailureTest {
  private static final String BODY =
      """
      data: {"id":"c","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

      data: {"id":"c","choices":[{"index":0,"delta":{"reasoning_content":"hmm"},"finish_reason":null}]}

      data: {"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

      data: [DONE]

      """;

  private static List<StreamPart> decode(ChatDialect dialect, AtomicBoolean closed) {
    HttpResponse response =
        new HttpResponse() {
          @Override
          public int status() {
            return 200;
          }

          @Override
          public HttpHeaders headers() {
            return HttpHeaders.EMPTY;
          }

          @Override
          public InputStream body() {
            return new ByteArrayInputStream(BODY.getBytes(StandardCharsets.UTF_8));
          }

          @Override
          public void close() {
            closed.set(true);
          }
        };
    var parts = new ArrayList<StreamPart>();
    try (var stream = FramedPartStream.sse(response, new ChatStreamDecoder(dialect), List.of())) {
      stream.forEach(parts::add);
    }
    return parts;
  }

  @Test
  void aDialectThatThrowsEndsTheStreamWithATypedErrorAndClosesIt() {
    ChatDialect broken =
        new ChatDialect() {
          @Override
          public String providerId() {
            return "broken";
          }

          @Override
          public ChatReasoningReader reasoningReader() {
            return new ChatReasoningReader() {
              @Override
              public String read(JsonNode messageOrDelta) {
                throw new IllegalStateException("a bug in the dialect");
              }

              @Override
              public boolean hasPending() {
                return false;
              }

              @Override
              public ProviderData endBlock() {
                return ProviderData.EMPTY;
              }
            };
          }
        };
    var closed = new AtomicBoolean();
    List<StreamPart> parts = decode(broken, closed);

    StreamPart last = parts.get(parts.size() - 1);
    assertThat(last).isInstanceOf(Error.class);
    assertThat(((Error) last).error())
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("IllegalStateException: a bug in the dialect");
    assertThat(closed).isTrue();
  }

  @Test
  void reasoningAfterTextEndsTheTextFirst() {
    ChatDialect dialect =
        new ChatDialect() {
          @Override
          public String providerId() {
            return "compat";
          }

          @Override
          public ChatReasoningReader reasoningReader() {
            return new ReasoningFieldReader();
          }
        };
    List<StreamPart> parts = decode(dialect, new AtomicBoolean());
    assertThat(parts.subList(0, 4))
        .containsExactly(
            new TextStart("text-0", ProviderData.EMPTY),
            new TextDelta("text-0", "Hi"),
            new TextEnd("text-0", ProviderData.EMPTY),
            new ReasoningStart("reasoning-0", ProviderData.EMPTY));
  }
}
