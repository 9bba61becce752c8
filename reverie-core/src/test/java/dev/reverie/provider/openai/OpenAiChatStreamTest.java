package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.LanguageModel;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectSchema;
import dev.reverie.Prompt;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.NoObjectGeneratedException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.testing.ScriptedTransport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiChatStreamTest {
  static final String BOOK_JSON =
      "{\"title\":\"The Lord of the Rings\",\"author\":{\"name\":\"J.R.R. Tolkien\","
          + "\"nationality\":\"British\"},\"genres\":[\"fantasy\",\"adventure\"],\"published_year\":1954}";

  static LanguageModel model(ScriptedTransport transport, String modelId) {
    return OpenAi.builder()
        .apiKey("sk-test-secret-123")
        .transport(transport)
        .build()
        .languageModel(modelId);
  }

  static ObjectCall<Book> bookCall() {
    return ObjectCall.of(
        Call.builder(Prompt.user("Tell me about The Lord of the Rings"))
            .maxOutputTokens(4000)
            .build(),
        ObjectSchema.of(Book.class));
  }

  @Test
  void typedPartialsGrowAndTheFinalObjectIsValid() {
    var transport =
        new ScriptedTransport()
            .respond(
                200, "text/event-stream", SseBodies.contentStream(SseBodies.pieces(BOOK_JSON, 4)));
    var titles = new ArrayList<String>();
    var genreCounts = new ArrayList<Integer>();
    var years = new ArrayList<Integer>();
    ObjectResult<Book> result;
    try (var stream = model(transport, "o4-mini").streamObject(bookCall())) {
      for (Book partial : stream.partials()) {
        if (partial.title() != null) titles.add(partial.title());
        if (partial.genres() != null) genreCounts.add(partial.genres().size());
        if (partial.publishedYear() != null) years.add(partial.publishedYear());
      }
      result = stream.result();
    }
    assertThat(titles).contains("Th", "The Lo").last().isEqualTo("The Lord of the Rings");
    for (int i = 1; i < titles.size(); i++) assertThat(titles.get(i)).startsWith(titles.get(i - 1));
    assertThat(genreCounts).contains(1, 2).isSorted();
    assertThat(years).containsOnly(1954);
    assertThat(result.object().publishedYear()).isEqualTo(1954);
    assertThat(result.object().author().nationality()).isEqualTo("British");
    assertThat(result.usage().reasoningTokens()).isEqualTo(128);
    assertThat(result.usage().inputTokens()).isEqualTo(150);
    assertThat(result.usage().cacheReadTokens()).isEqualTo(6);
    assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void theRequestCarriesTheStrictSchemaAndReasoningTokenLimit() throws Exception {
    var transport =
        new ScriptedTransport()
            .respond(
                200, "text/event-stream", SseBodies.contentStream(SseBodies.pieces(BOOK_JSON, 4)));
    try (var stream = model(transport, "o4-mini").streamObject(bookCall())) {
      stream.result();
    }
    var body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(transport.requests().get(0).body());
    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(4000);
    assertThat(body.has("max_tokens")).isFalse();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    var format = body.path("response_format").path("json_schema");
    assertThat(format.path("name").asText()).isEqualTo("Book");
    assertThat(format.path("strict").asBoolean()).isTrue();
    assertThat(format.path("schema").path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(
            format
                .path("schema")
                .path("properties")
                .path("author")
                .path("additionalProperties")
                .asBoolean(true))
        .isFalse();
  }

  @Test
  void theBodySplitAtEveryOffsetGivesTheSameParts() {
    String body = SseBodies.contentStream(SseBodies.pieces(BOOK_JSON, 4));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    List<StreamPart> expected =
        collect(new ScriptedTransport().respond(200, "text/event-stream", body));
    for (int offset = 1; offset < bytes.length; offset++) {
      var transport =
          new ScriptedTransport()
              .respond(
                  new ScriptedTransport.Scripted(
                      200, dev.reverie.transport.HttpHeaders.EMPTY, bytes, Integer.MAX_VALUE));
      // Split exactly once at the offset: the first read ends there.
      var split = new SplitAtTransport(transport, offset);
      assertThat(collect(split)).as("split at %d", offset).isEqualTo(expected);
    }
  }

  @Test
  void crAndCrlfLineEndsAreRead() {
    String lf = SseBodies.contentStream(SseBodies.pieces(BOOK_JSON, 4));
    List<StreamPart> expected =
        collect(new ScriptedTransport().respond(200, "text/event-stream", lf));
    for (String ending : List.of("\r\n", "\r")) {
      String body = lf.replace("\n", ending);
      assertThat(collect(new ScriptedTransport().respond(200, "text/event-stream", body)))
          .as("line ending %s", ending.replace("\r", "CR").replace("\n", "LF"))
          .isEqualTo(expected);
    }
  }

  @Test
  void aStreamWithoutFinishReasonIsATypedRetryableError() {
    String cut = SseBodies.chunk("{\"content\":\"{\\\"title\\\":\\\"The\"}", null);
    var parts = collect(new ScriptedTransport().respond(200, "text/event-stream", cut));
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class,
            e -> {
              assertThat(e.error()).isInstanceOf(IncompleteStreamException.class);
              assertThat(e.error().isRetryable()).isTrue();
            });
    var transport =
        new ScriptedTransport().respond(200, "text/event-stream", cut + "data: [DONE]\n\n");
    try (var stream = model(transport, "o4-mini").streamObject(bookCall())) {
      assertThatThrownBy(stream::result).isInstanceOf(IncompleteStreamException.class);
    }
  }

  @Test
  void aMalformedChunkFollowedByMoreIsAProtocolErrorNamingTheLine() {
    String body =
        SseBodies.chunk("{\"content\":\"{\"}", null)
            + "data: {\"choices\":[{\"delta\":\n\n"
            + SseBodies.chunk("{\"content\":\"more\"}", null);
    var parts = collect(new ScriptedTransport().respond(200, "text/event-stream", body));
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class,
            e -> {
              assertThat(e.error()).isInstanceOf(StreamProtocolException.class);
              assertThat(e.error().isRetryable()).isFalse();
              assertThat(e.error().getMessage()).contains("line 3");
            });
  }

  /**
   * A body cut in the middle of its last event is the network's truncation, as one cut between
   * events is: retryable, not a protocol error.
   */
  @Test
  void aBodyCutInsideItsLastEventIsARetryableIncompleteStream() {
    String body = SseBodies.chunk("{\"content\":\"{\"}", null) + "data: {\"choices\":[{\"delta\":";
    var parts = collect(new ScriptedTransport().respond(200, "text/event-stream", body));
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class,
            e -> {
              assertThat(e.error()).isInstanceOf(IncompleteStreamException.class);
              assertThat(e.error().isRetryable()).isTrue();
              assertThat(e.error().getMessage())
                  .isEqualTo(
                      "openai stream was cut off inside its last event (line 3); the answer may"
                          + " be truncated");
            });
  }

  @Test
  void modelOutputThatIsNotJsonFailsWithTheRawText() {
    String body = SseBodies.contentStream(List.of("I cannot ", "help with that."));
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    try (var stream = model(transport, "gpt-4o").streamObject(bookCall())) {
      assertThatThrownBy(stream::result)
          .isInstanceOfSatisfying(
              NoObjectGeneratedException.class,
              e -> {
                assertThat(e.rawText()).isEqualTo("I cannot help with that.");
                assertThat(e.finishReason()).isEqualTo(FinishReason.STOP);
                assertThat(e.usage().totalTokens()).isEqualTo(345);
              });
    }
  }

  @Test
  void deeplyNestedOutputIsRejectedByTheReadLimitsNotByAStackOverflow() {
    String deep = "[".repeat(200_000);
    String body = SseBodies.contentStream(SseBodies.pieces(deep, 4096));
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    try (var stream = model(transport, "gpt-4o").streamObject(bookCall())) {
      assertThatThrownBy(stream::result).isInstanceOf(NoObjectGeneratedException.class);
    }
  }

  @Test
  void deeplyNestedWireJsonIsAProtocolError() {
    String body = "data: " + "[".repeat(5000) + "\n\n";
    var parts = collect(new ScriptedTransport().respond(200, "text/event-stream", body));
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error()).isInstanceOf(StreamProtocolException.class));
  }

  @Test
  void textStreamsAsDeltasAndFinishCarriesUsage() {
    String body = SseBodies.contentStream(List.of("Olá", "!"));
    var parts = collect(new ScriptedTransport().respond(200, "text/event-stream", body));
    assertThat(parts.stream().filter(TextDelta.class::isInstance).map(p -> ((TextDelta) p).delta()))
        .containsExactly("Olá", "!");
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Finish.class, f -> assertThat(f.usage().totalTokens()).isEqualTo(345));
  }

  @Test
  void aBodyThatEndsBeforeDoneIsIncomplete() {
    String body = SseBodies.chunk("{\"content\":\"Oi\"}", null) + SseBodies.chunk("{}", "stop");
    var parts = collect(new ScriptedTransport().respond(200, "text/event-stream", body));
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error()).isInstanceOf(IncompleteStreamException.class));
  }

  @Test
  void aToolCallCutOffByTheTokenLimitKeepsFinishReasonLength() {
    String body =
        SseBodies.chunk(
                "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"loc\"}}]}",
                null)
            + SseBodies.chunk("{}", "length")
            + "data: [DONE]\n\n";
    var parts = collect(new ScriptedTransport().respond(200, "text/event-stream", body));
    assertThat(parts.get(parts.size() - 1))
        .isInstanceOfSatisfying(
            Finish.class, f -> assertThat(f.finishReason()).isEqualTo(FinishReason.LENGTH));
  }

  static List<StreamPart> collect(dev.reverie.transport.Transport transport) {
    var parts = new ArrayList<StreamPart>();
    try (PartStream stream =
        OpenAi.builder().apiKey("k").transport(transport).build().languageModel("gpt-4o").stream(
            Call.of(Prompt.user("hi")))) {
      stream.forEach(parts::add);
    }
    return parts;
  }

  /** Delivers a body in exactly two reads, split at a given offset. */
  static final class SplitAtTransport implements dev.reverie.transport.Transport {
    private final ScriptedTransport inner;
    private final int offset;

    SplitAtTransport(ScriptedTransport inner, int offset) {
      this.inner = inner;
      this.offset = offset;
    }

    @Override
    public dev.reverie.transport.HttpResponse send(dev.reverie.transport.HttpRequest request) {
      var response = inner.send(request);
      InputStream body;
      try {
        byte[] all = response.body().readAllBytes();
        body = new SplitInputStream(all, offset);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      return new dev.reverie.transport.HttpResponse() {
        @Override
        public int status() {
          return response.status();
        }

        @Override
        public dev.reverie.transport.HttpHeaders headers() {
          return response.headers();
        }

        @Override
        public InputStream body() {
          return body;
        }

        @Override
        public void close() {
          response.close();
        }
      };
    }
  }

  /** Returns bytes up to the split offset in the first reads, the rest after. */
  static final class SplitInputStream extends ByteArrayInputStream {
    private final int split;

    SplitInputStream(byte[] bytes, int split) {
      super(bytes);
      this.split = split;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      if (pos < split) len = Math.min(len, split - pos);
      return super.read(b, off, len);
    }
  }
}
