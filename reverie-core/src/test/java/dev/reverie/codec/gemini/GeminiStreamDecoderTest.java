package dev.reverie.codec.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Usage;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.FramedPartStream;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.stream.Finish;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolInputDelta;
import dev.reverie.stream.ToolInputEnd;
import dev.reverie.stream.ToolInputStart;
import dev.reverie.testing.CutScriptedTransport;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.testing.StreamCollector;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gemini SSE decoder on recorded streams and on hostile ones. */
class GeminiStreamDecoderTest {
  private static final String SSE = "text/event-stream";

  private static String recordedStream(String cassette, int interaction) {
    return RecordedCassette.load("gemini", cassette).interaction(interaction).responseBody();
  }

  /** Decodes a body read in two pieces cut at {@code cut} (0 = a single read). */
  private static StreamCollector decode(byte[] body, int cut) {
    var transport = new CutScriptedTransport().respondSplit(SSE, body, cut);
    var response =
        transport.send(
            HttpRequest.postJson(URI.create("http://localhost/m"), HttpHeaders.EMPTY, "{}"));
    var counter = new AtomicInteger();
    var decoder =
        new GeminiStreamDecoder("req-1", () -> Integer.toString(counter.incrementAndGet()));
    return StreamCollector.drain(FramedPartStream.sse(response, decoder, List.of()));
  }

  private static StreamCollector decode(String body) {
    return decode(body.getBytes(StandardCharsets.UTF_8), 0);
  }

  private static String data(String json) {
    return "data: " + json + "\r\n\r\n";
  }

  private static final String USAGE =
      "\"usageMetadata\": {\"promptTokenCount\": 10, \"candidatesTokenCount\": 5,"
          + " \"totalTokenCount\": 20, \"thoughtsTokenCount\": 5, \"cachedContentTokenCount\": 4}";

  private static String chunk(String parts, String finishReason) {
    return data(
        "{\"candidates\": [{\"content\": {\"parts\": ["
            + parts
            + "], \"role\": \"model\"}"
            + (finishReason.isEmpty() ? "" : ", \"finishReason\": \"" + finishReason + "\"")
            + ", \"index\": 0}], "
            + USAGE
            + "}");
  }

  private static String signatureOf(ProviderData data) {
    return data.get("google").orElseThrow().toJsonNode().path("signature").asText();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TestGoogleThinking/gemini-2.5-flash/thinking-streaming",
        "TestGoogleCommon/gemini-3-pro-preview/multi_tool_streaming",
        "TestGoogleObjectGeneration/gemini-2.5-flash/complex_object_streaming"
      })
  void recordedStreamSplitAtEveryOffsetDecodesTheSame(String cassette) {
    byte[] body = recordedStream(cassette, 0).getBytes(StandardCharsets.UTF_8);
    List<StreamPart> expected = decode(body, 0).parts;
    assertThat(expected.get(expected.size() - 1)).isInstanceOf(Finish.class);
    for (int cut = 1; cut < body.length; cut++) {
      assertThat(decode(body, cut).parts).as("split at byte %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void recordedThinkingStreamSignsTheThoughtBeforeTheCallAndNumbersTheCall() {
    var result =
        decode(recordedStream("TestGoogleThinking/gemini-2.5-flash/thinking-streaming", 0));
    List<StreamPart> parts = result.parts;
    assertThat(parts.get(0)).isEqualTo(new ReasoningStart("0", ProviderData.EMPTY));
    var end =
        (ReasoningEnd) parts.stream().filter(ReasoningEnd.class::isInstance).findFirst().get();
    assertThat(signatureOf(end.providerData())).startsWith("CiQBvj72");
    assertThat(end.providerData().get("google").orElseThrow().toJsonNode().path("tool_id").asText())
        .isEqualTo("1");
    int endAt = parts.indexOf(end);
    assertThat(parts.get(endAt + 1))
        .isEqualTo(new ToolInputStart("1", "weather", false, ProviderData.EMPTY));
    assertThat(parts.get(endAt + 2))
        .isEqualTo(new ToolInputDelta("1", "{\"location\":\"Florence, Italy\"}"));
    assertThat(parts.get(endAt + 3)).isEqualTo(new ToolInputEnd("1"));
    assertThat(parts.get(endAt + 4))
        .isEqualTo(
            new ToolCall(ToolCallPart.of("1", "weather", "{\"location\":\"Florence, Italy\"}")));
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    // The last usage seen (counts are cumulative): 14 candidates + 62 thoughts.
    assertThat(result.finish.usage()).isEqualTo(new Usage(54, 76, 130, 62, 0, 0));
    assertThat(result.assistantParts())
        .hasSize(2)
        .first()
        .isInstanceOfSatisfying(
            ReasoningPart.class, r -> assertThat(r.text()).contains("Florence"));
  }

  @Test
  void gemini3IdsAreKeptAndOnlyTheSignedCallGetsAReasoningPart() {
    var result =
        decode(recordedStream("TestGoogleCommon/gemini-3-pro-preview/multi_tool_streaming", 0));
    var calls =
        result.parts.stream()
            .filter(ToolCall.class::isInstance)
            .map(p -> ((ToolCall) p).call())
            .toList();
    assertThat(calls).extracting(ToolCallPart::toolName).containsExactly("add", "multiply");
    assertThat(calls).extracting(ToolCallPart::toolCallId).doesNotContain("1", "2");
    assertThat(result.parts).filteredOn(ReasoningEnd.class::isInstance).hasSize(1);
  }

  @Test
  void aSignatureOnTextWhileTextIsOpenSplitsTheTextSoTheSignatureStaysBeforeItsPart() {
    String body =
        chunk("{\"text\": \"Hello \"}", "")
            + chunk("{\"text\": \"world\", \"thoughtSignature\": \"SIG\"}", "STOP");
    var result = decode(body);
    assertThat(result.parts)
        .containsExactly(
            new TextStart("0", ProviderData.EMPTY),
            new TextDelta("0", "Hello "),
            new TextEnd("0", ProviderData.EMPTY),
            new ReasoningStart("1", ProviderData.EMPTY),
            new ReasoningEnd("1", GeminiResponseDecoder.signatureData("SIG", "")),
            new TextStart("2", ProviderData.EMPTY),
            new TextDelta("2", "world"),
            new TextEnd("2", ProviderData.EMPTY),
            result.finish);
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.assistantParts())
        .containsExactly(
            TextPart.of("Hello "),
            new ReasoningPart("", GeminiResponseDecoder.signatureData("SIG", "")),
            TextPart.of("world"));
  }

  @Test
  void usageCountsCachedTokensApartAndThoughtsAsOutput() {
    var result = decode(chunk("{\"text\": \"hi\"}", "STOP"));
    assertThat(result.finish.usage()).isEqualTo(new Usage(6, 10, 20, 5, 0, 4));
  }

  @Test
  void aCandidateWithNoContentStillFinishes() {
    String body =
        data("{\"candidates\": [{\"finishReason\": \"SAFETY\", \"index\": 0}], " + USAGE + "}");
    var result = decode(body);
    assertThat(result.error).isNull();
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(result.text()).isEmpty();
  }

  @Test
  void aBlockedPromptFinishesAsContentFilterWithTheReasonKept() {
    String body =
        data(
            "{\"promptFeedback\": {\"blockReason\": \"PROHIBITED_CONTENT\"}, "
                + "\"usageMetadata\": {\"promptTokenCount\": 7, \"totalTokenCount\": 7}}");
    var result = decode(body);
    assertThat(result.error).isNull();
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(
            result
                .finish
                .providerMetadata()
                .get("google")
                .orElseThrow()
                .toJsonNode()
                .path("block_reason")
                .asText())
        .isEqualTo("PROHIBITED_CONTENT");
    assertThat(result.finish.usage().inputTokens()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RECITATION", "MALFORMED_FUNCTION_CALL", "LANGUAGE"})
  void finishReasonsThatMeanTheOutputIsUnusableMapToError(String reason) {
    var result = decode(chunk("{\"text\": \"x\"}", reason));
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.ERROR);
    assertThat(
            result
                .finish
                .providerMetadata()
                .get("google")
                .orElseThrow()
                .toJsonNode()
                .path("finish_reason")
                .asText())
        .isEqualTo(reason);
  }

  @Test
  void anErrorObjectMidStreamEndsWithARetryableProviderException() {
    String body =
        chunk("{\"text\": \"Hel\"}", "")
            + data(
                "{\"error\": {\"code\": 503, \"message\": \"The model is overloaded.\", \"status\": \"UNAVAILABLE\"}}")
            + chunk("{\"text\": \"never\"}", "STOP");
    var result = decode(body);
    assertThat(result.finish).isNull();
    assertThat(result.error.error())
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.errorType()).isEqualTo("UNAVAILABLE");
              assertThat(e.getMessage()).contains("overloaded").contains("req-1");
            });
    assertThat(result.text()).isEqualTo("Hel");
  }

  @Test
  void aPermanentErrorObjectIsNotRetryable() {
    var result =
        decode(
            data(
                "{\"error\": {\"code\": 400, \"message\": \"bad\", \"status\": \"INVALID_ARGUMENT\"}}"));
    assertThat(result.error.error())
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  void aStreamWithNeitherFinishReasonNorUsageIsIncomplete() {
    var result =
        decode(data("{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi\"}]}}]}"));
    assertThat(result.finish).isNull();
    assertThat(result.error.error()).isInstanceOf(IncompleteStreamException.class);
    assertThat(result.error.error().isRetryable()).isTrue();
  }

  @Test
  void aStreamWithUsageButNoFinishReasonIsIncompleteToo() {
    var result = decode(chunk("{\"text\": \"Hi\"}", ""));
    assertThat(result.error.error()).isInstanceOf(IncompleteStreamException.class);
  }

  @Test
  void anEmptyBodyIsIncomplete() {
    assertThat(decode("").error.error()).isInstanceOf(IncompleteStreamException.class);
  }

  @Test
  void aStreamCutInsideItsLastEventIsIncomplete() {
    String body = chunk("{\"text\": \"Hi\"}", "STOP");
    var result = decode(body.substring(0, body.length() - 20));
    assertThat(result.error.error())
        .isInstanceOf(IncompleteStreamException.class)
        .hasMessageContaining("ended early");
  }

  @Test
  void garbageFollowedByMoreEventsIsAProtocolError() {
    var result = decode(data("{not json") + chunk("{\"text\": \"Hi\"}", "STOP"));
    assertThat(result.error.error()).isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void unknownPartsAndFieldsAreIgnored() {
    var result =
        decode(
            chunk(
                "{\"executableCode\": {\"code\": \"1+1\"}}, {\"text\": \"ok\", \"future\": 1}",
                "STOP"));
    assertThat(result.error).isNull();
    assertThat(result.text()).isEqualTo("ok");
  }
}
