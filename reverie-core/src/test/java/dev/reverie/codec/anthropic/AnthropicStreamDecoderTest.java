package dev.reverie.codec.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.FinishReason;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.FramedPartStream;
import dev.reverie.message.ToolCallPart;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.Source;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolInputDelta;
import dev.reverie.stream.ToolInputEnd;
import dev.reverie.stream.ToolInputStart;
import dev.reverie.stream.ToolResult;
import dev.reverie.testing.CutScriptedTransport;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.testing.StreamCollector;
import dev.reverie.transport.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event-stream decoder on recorded streams and on hostile ones. */
class AnthropicStreamDecoderTest {
  private static final String SSE = "text/event-stream; charset=utf-8";

  private static String recordedStream(String cassette, int interaction) {
    return RecordedCassette.load(cassette).interaction(interaction).responseBody();
  }

  private static final String THINKING =
      recordedStream("TestAnthropicThinking/claude-sonnet-4/thinking-streaming", 0);

  /** Decodes a body read in pieces cut at {@code cut} (0 = a single read). */
  private static StreamCollector decode(byte[] body, int cut) {
    var transport = new CutScriptedTransport().respondSplit(SSE, body, cut);
    var response =
        transport.send(
            dev.reverie.transport.HttpRequest.postJson(
                java.net.URI.create("http://localhost/v1/messages"), HttpHeaders.EMPTY, "{}"));
    var stream = FramedPartStream.sse(response, new AnthropicStreamDecoder("req_1"), List.of());
    return StreamCollector.drain(stream);
  }

  private static StreamCollector decode(String body) {
    return decode(body.getBytes(StandardCharsets.UTF_8), 0);
  }

  private static String event(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  @Test
  void recordedThinkingStreamDecodesEveryEvent() {
    var result = decode(THINKING);
    List<StreamPart> parts = result.parts;
    assertThat(parts.get(0)).isEqualTo(new ReasoningStart("0", dev.reverie.ProviderData.EMPTY));
    assertThat(parts).filteredOn(ReasoningDelta.class::isInstance).isNotEmpty();
    var end =
        (ReasoningEnd)
            parts.stream().filter(ReasoningEnd.class::isInstance).findFirst().orElseThrow();
    assertThat(
            end.providerData()
                .get("anthropic")
                .orElseThrow()
                .toJsonNode()
                .path("signature")
                .asText())
        .startsWith("EtYDCkYICxgCKkAVHEWRYo6RgSMs4ZZDX4gW16kdfp2EIXftcLesVephGa")
        .endsWith("Uh7SCK9rVl4VeDhPFVAYAQ==");
    assertThat(parts)
        .filteredOn(ToolInputStart.class::isInstance)
        .singleElement()
        .isEqualTo(new ToolInputStart("toolu_01Js4AMfx5qpTLhwTusnvT68", "weather", false, null));
    var call =
        (ToolCall) parts.stream().filter(ToolCall.class::isInstance).findFirst().orElseThrow();
    assertThat(call.call().input()).isEqualTo("{\"location\": \"Florence, Italy\"}");
    assertThat(parts.get(parts.size() - 2)).isInstanceOf(ToolCall.class);
    assertThat(parts.get(parts.size() - 3)).isInstanceOf(ToolInputEnd.class);
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    // message_delta's cumulative counts win over message_start's.
    assertThat(result.finish.usage().inputTokens()).isEqualTo(424);
    assertThat(result.finish.usage().outputTokens()).isEqualTo(119);
    assertThat(result.finish.usage().totalTokens()).isEqualTo(543);
    assertThat(parts.get(parts.size() - 1)).isSameAs(result.finish);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TestAnthropicThinking/claude-sonnet-4/thinking-streaming",
        "TestAnthropicCommon/claude-sonnet-4/tool_streaming"
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
  void webSearchStreamYieldsProviderExecutedCallResultAndSources() {
    var result = decode(recordedStream("TestAnthropicWebSearch/stream", 0));
    var start = (ToolInputStart) result.parts.get(0);
    assertThat(start.providerExecuted()).isTrue();
    assertThat(start.toolName()).isEqualTo("web_search");
    ToolCallPart call =
        result.parts.stream()
            .filter(ToolCall.class::isInstance)
            .map(p -> ((ToolCall) p).call())
            .findFirst()
            .orElseThrow();
    assertThat(call.providerExecuted()).isTrue();
    assertThat(call.input()).isEqualTo("{\"query\": \"Tokyo population 2026 current\"}");
    var toolResult =
        result.parts.stream()
            .filter(ToolResult.class::isInstance)
            .map(p -> ((ToolResult) p).result())
            .findFirst()
            .orElseThrow();
    assertThat(toolResult.providerExecuted()).isTrue();
    assertThat(toolResult.toolName()).isEqualTo("web_search");
    assertThat(toolResult.toolCallId()).isEqualTo(call.toolCallId());
    assertThat(result.parts).filteredOn(Source.class::isInstance).hasSize(10);
    assertThat(result.sources.get(0).url())
        .isEqualTo("https://worldpopulationreview.com/cities/japan/tokyo");
    assertThat(result.sources.get(0).title()).isEqualTo("Tokyo Population 2026");
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void unknownEventsBlocksAndDeltasAreIgnored() {
    String extra =
        event("brand_new_event", "{\"type\":\"brand_new_event\",\"value\":1}")
            + event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":9,\"content_block\":{\"type\":\"mystery\"}}")
            + event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":9,\"delta\":{\"type\":\"mystery_delta\",\"x\":\"y\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":9}")
            + ": a comment line\n\n"
            + event("ping", "{\"type\": \"ping\"}");
    int firstStop = THINKING.indexOf("event: content_block_stop");
    String hostile = THINKING.substring(0, firstStop) + extra + THINKING.substring(firstStop);
    assertThat(decode(hostile).parts).isEqualTo(decode(THINKING).parts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"overloaded_error", "api_error", "rate_limit_error"})
  void transientErrorEventMidStreamEndsWithRetryableProviderException(String type) {
    int cut = THINKING.indexOf("event: content_block_stop");
    String body =
        THINKING.substring(0, cut)
            + event(
                "error",
                "{\"type\": \"error\", \"error\": {\"type\": \""
                    + type
                    + "\", \"message\": \"Overloaded\"}}   ")
            + THINKING.substring(cut);
    var result = decode(body);
    assertThat(result.finish).isNull();
    assertThat(result.parts.get(result.parts.size() - 1)).isSameAs(result.error);
    assertThat(result.error.error())
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo(type);
              assertThat(e.providerMessage()).isEqualTo("Overloaded");
              assertThat(e.status()).isZero();
              assertThat(e.requestId()).isEqualTo("req_1");
              assertThat(e.isRetryable()).isTrue();
            });
    assertThat(result.parts).filteredOn(ReasoningEnd.class::isInstance).isEmpty();
  }

  @Test
  void permanentErrorEventIsNotRetryable() {
    var result =
        decode(
            event("message_start", "{\"type\":\"message_start\",\"message\":{\"usage\":{}}}")
                + event(
                    "error",
                    "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad\"}}"));
    assertThat(result.error.error()).isInstanceOf(ProviderException.class);
    assertThat(result.error.error().isRetryable()).isFalse();
  }

  @Test
  void streamThatStopsBeforeMessageStopEndsWithIncompleteStream() {
    String body = THINKING.substring(0, THINKING.indexOf("event: message_stop"));
    var result = decode(body);
    assertThat(result.finish).isNull();
    assertThat(result.parts).filteredOn(ToolCall.class::isInstance).hasSize(1);
    assertThat(result.error.error()).isInstanceOf(IncompleteStreamException.class);
    assertThat(result.error.error().isRetryable()).isTrue();
  }

  @Test
  void streamCutInsideAnEventEndsWithIncompleteStream() {
    int cut = THINKING.indexOf("signature_delta") + 40;
    var result = decode(THINKING.substring(0, cut));
    assertThat(result.error.error()).isInstanceOf(IncompleteStreamException.class);
    assertThat(result.error.error().getMessage()).contains("cut off");
  }

  @Test
  void emptyBodyEndsWithIncompleteStream() {
    var result = decode("");
    assertThat(result.parts).singleElement().isInstanceOf(Error.class);
    assertThat(result.error.error()).isInstanceOf(IncompleteStreamException.class);
  }

  @Test
  void messageStopWithoutStopReasonIsIncomplete() {
    var result =
        decode(
            event(
                    "message_start",
                    "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3}}}")
                + event("message_stop", "{\"type\":\"message_stop\"}"));
    assertThat(result.error.error()).isInstanceOf(IncompleteStreamException.class);
  }

  /** An empty answer that ends with {@code stopReason}. */
  private static StreamCollector endingWith(String stopReason) {
    return decode(
        event(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3}}}")
            + event(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                    + stopReason
                    + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}")
            + event("message_stop", "{\"type\":\"message_stop\"}"));
  }

  @Test
  void aPausedTurnIsOtherWithTheRawReasonKept() {
    var result = endingWith("pause_turn");
    assertThat(result.error).isNull();
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.OTHER);
    assertThat(
            result
                .finish
                .providerMetadata()
                .get("anthropic")
                .orElseThrow()
                .toJsonNode()
                .path("stop_reason")
                .asText())
        .isEqualTo("pause_turn");
  }

  @Test
  void aWholeMessageKeepsAnUnmappedStopReasonToo() throws Exception {
    var message =
        dev.reverie.internal.json.Json.MAPPER.readTree(
            "{\"stop_reason\":\"pause_turn\",\"stop_sequence\":null}");
    assertThat(
            AnthropicResponseDecoder.metadata(message)
                .get("anthropic")
                .orElseThrow()
                .toJsonNode()
                .path("stop_reason")
                .asText())
        .isEqualTo("pause_turn");
    assertThat(
            AnthropicResponseDecoder.metadata(
                    dev.reverie.internal.json.Json.MAPPER.readTree(
                        "{\"stop_reason\":\"end_turn\"}"))
                .get("anthropic"))
        .isEmpty();
  }

  @Test
  void aMappedReasonAddsNoMetadata() {
    var result = endingWith("end_turn");
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.finish.providerMetadata().get("anthropic")).isEmpty();
  }

  @Test
  void garbageFollowedByMoreEventsIsAProtocolError() {
    var result =
        decode(
            event("message_start", "{\"type\":\"message_start\",\"message\":{\"usage\":{}}}")
                + event("content_block_start", "{not json")
                + event("message_stop", "{\"type\":\"message_stop\"}"));
    assertThat(result.error.error()).isInstanceOf(StreamProtocolException.class);
    assertThat(result.error.error().isRetryable()).isFalse();
  }

  @Test
  void deltaForABlockThatNeverStartedIsAProtocolError() {
    var result =
        decode(
            event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}"));
    assertThat(result.error.error())
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("block 3");
  }

  @Test
  void nonObjectEventIsAProtocolError() {
    var result = decode(event("message_start", "[1,2]") + event("ping", "{\"type\":\"ping\"}"));
    assertThat(result.error.error()).isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void redactedThinkingAndStopSequenceAndCacheUsage() {
    String body =
        event(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":10,"
                    + "\"cache_creation_input_tokens\":100,\"cache_read_input_tokens\":50,\"output_tokens\":1}}}")
            + event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"redacted_thinking\",\"data\":\"opaque\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
            + event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"He\"}}")
            + event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"llo\"}}")
            + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
            + event(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"END\"},"
                    + "\"usage\":{\"output_tokens\":7}}")
            + event("message_stop", "{\"type\":\"message_stop\"}")
            + event("content_block_start", "ignored after the end");
    var result = decode(body);
    assertThat(result.error).isNull();
    var start = (ReasoningStart) result.parts.get(0);
    assertThat(
            start
                .providerData()
                .get("anthropic")
                .orElseThrow()
                .toJsonNode()
                .path("redacted_data")
                .asText())
        .isEqualTo("opaque");
    assertThat(result.parts.subList(2, 6))
        .containsExactly(
            new TextStart("1", null),
            new TextDelta("1", "He"),
            new TextDelta("1", "llo"),
            new TextEnd("1", null));
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.finish.usage()).isEqualTo(new dev.reverie.Usage(10, 7, 167, 0, 100, 50));
    assertThat(
            result
                .finish
                .providerMetadata()
                .get("anthropic")
                .orElseThrow()
                .toJsonNode()
                .path("stop_sequence")
                .asText())
        .isEqualTo("END");
  }

  @Test
  void toolInputIsStreamedAsDeltas() {
    var result =
        decode(
            recordedStream(
                "TestAnthropicObjectGeneration/claude-sonnet-4/simple_object_streaming", 0));
    String joined =
        result.parts.stream()
            .filter(ToolInputDelta.class::isInstance)
            .map(p -> ((ToolInputDelta) p).delta())
            .reduce("", String::concat);
    var call =
        (ToolCall)
            result.parts.stream().filter(ToolCall.class::isInstance).findFirst().orElseThrow();
    assertThat(call.call().input()).isEqualTo(joined);
  }
}
