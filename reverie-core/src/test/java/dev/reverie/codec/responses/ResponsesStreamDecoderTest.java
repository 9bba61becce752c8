package dev.reverie.codec.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.FramedPartStream;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.ToolCallPart;
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
import dev.reverie.testing.StreamCollector;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Responses event-stream decoder on recorded streams and on hostile ones. */
class ResponsesStreamDecoderTest {
  private static final String SSE = "text/event-stream; charset=utf-8";

  /** Decodes a body read in pieces cut at {@code cut} (0 = a single read). */
  private static StreamCollector decode(byte[] body, int cut) {
    var transport = new CutScriptedTransport().respondSplit(SSE, body, cut);
    var response =
        transport.send(
            HttpRequest.postJson(
                URI.create("http://localhost/v1/responses"), HttpHeaders.EMPTY, "{}"));
    var stream = FramedPartStream.sse(response, new ResponsesStreamDecoder("openai"), List.of());
    return StreamCollector.drain(stream);
  }

  private static StreamCollector decode(String body) {
    return decode(body.getBytes(StandardCharsets.UTF_8), 0);
  }

  private static String event(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  private static final String CREATED =
      event("response.created", "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}");
  private static final String MESSAGE_ADDED =
      event(
          "response.output_item.added",
          "{\"type\":\"response.output_item.added\",\"item\":{\"id\":\"msg_1\",\"type\":\"message\","
              + "\"content\":[]}}");

  private static String textDelta(String delta) {
    return event(
        "response.output_text.delta",
        "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"delta\":"
            + quote(delta)
            + ",\"obfuscation\":\"abc\",\"logprobs\":[]}");
  }

  private static final String MESSAGE_DONE =
      event(
          "response.output_item.done",
          "{\"type\":\"response.output_item.done\",\"item\":{\"id\":\"msg_1\",\"type\":\"message\"}}");

  private static String completed(String status, String incompleteDetails) {
    String type = status.equals("completed") ? "response.completed" : "response." + status;
    return event(
        type,
        "{\"type\":\""
            + type
            + "\",\"response\":{\"id\":\"resp_1\",\"model\":\"o4-mini\",\"status\":\""
            + status
            + "\",\"incomplete_details\":"
            + incompleteDetails
            + ",\"usage\":{\"input_tokens\":20,\"input_tokens_details\":{\"cached_tokens\":5},"
            + "\"output_tokens\":10,\"output_tokens_details\":{\"reasoning_tokens\":4},"
            + "\"total_tokens\":30}}}");
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void aTextStreamDecodesEveryPartInOrder() {
    var result =
        decode(
            CREATED
                + MESSAGE_ADDED
                + textDelta("Olá")
                + textDelta("!")
                + MESSAGE_DONE
                + completed("completed", "null"));
    assertThat(result.parts)
        .containsExactly(
            new TextStart("msg_1", ProviderData.EMPTY),
            new TextDelta("msg_1", "Olá"),
            new TextDelta("msg_1", "!"),
            new TextEnd("msg_1", ProviderData.EMPTY),
            result.finish);
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.finish.usage().inputTokens()).isEqualTo(15);
    assertThat(result.finish.usage().cacheReadTokens()).isEqualTo(5);
    assertThat(result.finish.usage().outputTokens()).isEqualTo(10);
    assertThat(result.finish.usage().reasoningTokens()).isEqualTo(4);
    assertThat(result.finish.usage().totalTokens()).isEqualTo(30);
    assertThat(text(result.finish.providerMetadata(), "response_id")).isEqualTo("resp_1");
  }

  @Test
  void recordedToolStreamYieldsInputDeltasThenOneToolCall() {
    var result =
        decode(
            RecordedStreams.responseBody(
                "TestOpenAIResponsesCommon/openai-o4-mini/tool_streaming", 0));
    // The reasoning item has neither summary nor encrypted content: it yields nothing.
    assertThat(result.parts).noneMatch(p -> p instanceof ReasoningStart);
    var start = (ToolInputStart) result.parts.get(0);
    assertThat(start.id()).isEqualTo("call_eK7Vcp3N6x11thqQ8JcD8HZq");
    assertThat(start.toolName()).isEqualTo("weather");
    assertThat(start.providerExecuted()).isFalse();
    assertThat(result.parts).filteredOn(ToolInputDelta.class::isInstance).hasSize(8);
    ToolCallPart call =
        result.parts.stream()
            .filter(ToolCall.class::isInstance)
            .map(p -> ((ToolCall) p).call())
            .findFirst()
            .orElseThrow();
    assertThat(call.input()).isEqualTo("{\"location\":\"Florence, Italy\"}");
    assertThat(result.parts.get(result.parts.size() - 2)).isInstanceOf(ToolCall.class);
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
  }

  @Test
  void recordedSummaryThinkingStreamCarriesItemIdEncryptedContentAndSummaries() {
    var result =
        decode(
            RecordedStreams.responseBody(
                "TestOpenAIResponsesWithSummaryThinking/openai-gpt-5/thinking-streaming", 0));
    var start = (ReasoningStart) result.parts.get(0);
    assertThat(text(start.providerData(), "item_id"))
        .isEqualTo("rs_017e85da2ae23b69016a3c1251dcec819daf72930a854fd4d1");
    assertThat(text(start.providerData(), "encrypted_content")).startsWith("gAAAAABqPBJR");
    var end =
        (ReasoningEnd)
            result.parts.stream().filter(ReasoningEnd.class::isInstance).findFirst().orElseThrow();
    // The encrypted content of the finished item replaces the one the item started with.
    assertThat(text(end.providerData(), "encrypted_content")).startsWith("gAAAAABqPBJW");
    var reasoning =
        (ReasoningPart)
            result.assistantParts().stream()
                .filter(ReasoningPart.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(reasoning.text()).startsWith("**Getting weather info**");
    var summary = end.providerData().get("openai").orElseThrow().toJsonNode().path("summary");
    assertThat(summary.size()).isEqualTo(1);
    assertThat(summary.get(0).asText()).isEqualTo(reasoning.text());
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
  }

  @Test
  void summariesAreJoinedByALineBreak() {
    String item = "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}";
    String body =
        CREATED
            + event(
                "response.output_item.added",
                "{\"type\":\"response.output_item.added\",\"item\":" + item + "}")
            + summaryPart(0)
            + summaryDelta("first")
            + summaryPart(1)
            + summaryDelta("second")
            + event(
                "response.output_item.done",
                "{\"type\":\"response.output_item.done\",\"item\":" + item + "}")
            + completed("completed", "null");
    var result = decode(body);
    assertThat(result.parts)
        .containsSubsequence(
            new ReasoningDelta("rs_1", "first"),
            new ReasoningDelta("rs_1", "\n"),
            new ReasoningDelta("rs_1", "second"));
    var end = (ReasoningEnd) result.parts.get(result.parts.size() - 2);
    var summary = end.providerData().get("openai").orElseThrow().toJsonNode().path("summary");
    assertThat(summary.toString()).isEqualTo("[\"first\",\"second\"]");
    assertThat(((ReasoningPart) result.assistantParts().get(0)).text()).isEqualTo("first\nsecond");
  }

  private static String summaryPart(int index) {
    return event(
        "response.reasoning_summary_part.added",
        "{\"type\":\"response.reasoning_summary_part.added\",\"item_id\":\"rs_1\",\"summary_index\":"
            + index
            + ",\"part\":{\"type\":\"summary_text\",\"text\":\"\"}}");
  }

  private static String summaryDelta(String delta) {
    return event(
        "response.reasoning_summary_text.delta",
        "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"delta\":"
            + quote(delta)
            + "}");
  }

  @Test
  void recordedWebSearchStreamYieldsProviderExecutedCallResultAndUrlSource() {
    var result = decode(RecordedStreams.responseBody("TestOpenAIWebSearch/stream", 0));
    var start = (ToolInputStart) result.parts.get(0);
    assertThat(start.toolName()).isEqualTo("web_search");
    assertThat(start.providerExecuted()).isTrue();
    assertThat(result.parts.get(1)).isEqualTo(new ToolInputEnd(start.id()));
    var call = ((ToolCall) result.parts.get(2)).call();
    assertThat(call.providerExecuted()).isTrue();
    assertThat(call.input()).contains("current population of Tokyo");
    var toolResult = ((ToolResult) result.parts.get(3)).result();
    assertThat(toolResult.providerExecuted()).isTrue();
    assertThat(toolResult.toolCallId()).isEqualTo(start.id());
    assertThat(result.sources).hasSize(1);
    assertThat(result.sources.get(0).url())
        .isEqualTo("https://www.toukei.metro.tokyo.lg.jp/index.htm?utm_source=openai");
    assertThat(result.sources.get(0).title()).isEqualTo("東京都の統計");
    assertThat(result.text()).contains("Tokyo");
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TestOpenAIResponsesCommon/openai-o4-mini/tool_streaming",
        "TestOpenAIWebSearch/stream"
      })
  void recordedStreamSplitAtEveryOffsetDecodesTheSame(String cassette) {
    byte[] body = RecordedStreams.responseBody(cassette, 0).getBytes(StandardCharsets.UTF_8);
    List<StreamPart> expected = decode(body, 0).parts;
    assertThat(expected.get(expected.size() - 1)).isInstanceOf(Finish.class);
    for (int cut = 1; cut < body.length; cut++) {
      assertThat(decode(body, cut).parts).as("split at byte %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void recordedThinkingStreamSplitAtManyOffsetsDecodesTheSame() {
    byte[] body =
        RecordedStreams.responseBody(
                "TestAzureResponsesWithSummaryThinking/azure-gpt-5-mini/thinking-streaming", 0)
            .getBytes(StandardCharsets.UTF_8);
    List<StreamPart> expected = decode(body, 0).parts;
    assertThat(expected.get(expected.size() - 1)).isInstanceOf(Finish.class);
    for (int cut = 1; cut < body.length; cut += 97) {
      assertThat(decode(body, cut).parts).as("split at byte %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void unknownEventsAndItemTypesAreIgnored() {
    String body =
        CREATED
            + event(
                "response.future_event", "{\"type\":\"response.future_event\",\"x\":{\"y\":[1]}}")
            + event(
                "response.output_item.added",
                "{\"type\":\"response.output_item.added\",\"item\":{\"id\":\"ci_1\",\"type\":\"code_interpreter_call\"}}")
            + event(
                "response.output_item.done",
                "{\"type\":\"response.output_item.done\",\"item\":{\"id\":\"ci_1\",\"type\":\"code_interpreter_call\"}}")
            + "event: keepalive\ndata: {\"type\":\"keepalive\"}\n\n"
            + "event: blank\ndata:   \n\n"
            + ": a comment\n\n"
            + MESSAGE_ADDED
            + textDelta("hi")
            + MESSAGE_DONE
            + completed("completed", "null");
    var result = decode(body);
    assertThat(result.error).isNull();
    assertThat(result.text()).isEqualTo("hi");
    assertThat(result.parts).hasSize(4);
  }

  @Test
  void fieldsInAnyOrderDecodeTheSame() {
    String body =
        "data: {\"item\":{\"type\":\"message\",\"id\":\"msg_1\"},\"type\":\"response.output_item.added\"}\n\n"
            + "data: {\"delta\":\"hi\",\"item_id\":\"msg_1\",\"type\":\"response.output_text.delta\"}\n\n"
            + "data: {\"item\":{\"id\":\"msg_1\",\"type\":\"message\"},\"type\":\"response.output_item.done\"}\n\n"
            + "data: {\"response\":{\"id\":\"resp_1\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}},"
            + "\"type\":\"response.completed\"}\n\n";
    var result = decode(body);
    assertThat(result.text()).isEqualTo("hi");
    assertThat(result.finish.usage().totalTokens()).isEqualTo(2);
    assertThat(text(result.finish.providerMetadata(), "response_id")).isEqualTo("resp_1");
  }

  @Test
  void aFailedResponseMidStreamEndsWithAProviderExceptionAndNoFinish() {
    String body =
        CREATED
            + MESSAGE_ADDED
            + textDelta("Hal")
            + event(
                "response.failed",
                "{\"type\":\"response.failed\",\"response\":{\"id\":\"resp_1\",\"status\":\"failed\","
                    + "\"error\":{\"code\":\"server_error\",\"message\":\"The server had an error\"}}}")
            + textDelta("never");
    var result = decode(body);
    assertThat(result.finish).isNull();
    var error = (ProviderException) result.error.error();
    assertThat(error.errorType()).isEqualTo("server_error");
    assertThat(error.providerMessage()).isEqualTo("The server had an error");
    assertThat(error.isRetryable()).isTrue();
    assertThat(result.parts.get(result.parts.size() - 1)).isSameAs(result.error);
  }

  @Test
  void anErrorEventMidStreamEndsWithAProviderException() {
    String body =
        CREATED
            + MESSAGE_ADDED
            + event(
                "error",
                "{\"type\":\"error\",\"code\":\"invalid_prompt\",\"message\":\"bad prompt\",\"param\":null}");
    var result = decode(body);
    assertThat(result.finish).isNull();
    var error = (ProviderException) result.error.error();
    assertThat(error.errorType()).isEqualTo("invalid_prompt");
    assertThat(error.providerMessage()).isEqualTo("bad prompt");
    assertThat(error.isRetryable()).isFalse();
  }

  @Test
  void aStreamThatEndsBeforeCompletedIsIncompleteNeverAFinish() {
    var result = decode(CREATED + MESSAGE_ADDED + textDelta("Olá") + MESSAGE_DONE);
    assertThat(result.finish).isNull();
    assertThat(result.error.error()).isInstanceOf(IncompleteStreamException.class);
    assertThat(((IncompleteStreamException) result.error.error()).isRetryable()).isTrue();
  }

  @Test
  void aStreamCutInsideAnEventIsIncomplete() {
    String body =
        CREATED + MESSAGE_ADDED + "event: response.output_text.delta\ndata: {\"type\":\"resp";
    var result = decode(body);
    assertThat(result.finish).isNull();
    assertThat(result.error.error())
        .isInstanceOf(IncompleteStreamException.class)
        .hasMessageContaining("cut off");
  }

  @Test
  void anIncompleteResponseAtTheOutputLimitFinishesWithLength() {
    var result =
        decode(
            CREATED
                + MESSAGE_ADDED
                + textDelta("{\"name\":\"Al")
                + MESSAGE_DONE
                + completed("incomplete", "{\"reason\":\"max_output_tokens\"}"));
    assertThat(result.error).isNull();
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(text(result.finish.providerMetadata(), "incomplete_reason"))
        .isEqualTo("max_output_tokens");
  }

  @Test
  void garbageFollowedByMoreEventsIsAProtocolError() {
    var result = decode(CREATED + "data: {not json\n\n" + MESSAGE_ADDED);
    assertThat(result.error.error()).isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void anEventThatIsNotAnObjectIsAProtocolError() {
    var result = decode(CREATED + "data: [1,2]\n\n");
    assertThat(result.error.error()).isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void argumentsForAnItemThatWasNeverAddedAreAProtocolError() {
    var result =
        decode(
            CREATED
                + event(
                    "response.function_call_arguments.delta",
                    "{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_9\",\"delta\":\"{\"}"));
    assertThat(result.error.error()).isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void aRefusalIsTextFinishedAsContentFilter() {
    var result =
        decode(
            CREATED
                + MESSAGE_ADDED
                + event(
                    "response.refusal.delta",
                    "{\"type\":\"response.refusal.delta\",\"item_id\":\"msg_1\",\"delta\":\"I can't\"}")
                + MESSAGE_DONE
                + completed("completed", "null"));
    assertThat(result.text()).isEqualTo("I can't");
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
  }

  @Test
  void textCitationsBecomeSourcesAndFileCitationsDocuments() {
    String body =
        CREATED
            + MESSAGE_ADDED
            + event(
                "response.output_text.annotation.added",
                "{\"type\":\"response.output_text.annotation.added\",\"item_id\":\"msg_1\",\"annotation\":"
                    + "{\"type\":\"file_citation\",\"file_id\":\"file-1\",\"filename\":\"notes.txt\"}}")
            + MESSAGE_DONE
            + completed("completed", "null");
    var result = decode(body);
    var source = ((Source) result.parts.get(1)).source();
    assertThat(source.kind()).isEqualTo(dev.reverie.message.SourcePart.Kind.DOCUMENT);
    assertThat(source.title()).isEqualTo("notes.txt");
  }

  private static String text(ProviderData data, String field) {
    return data.get("openai").orElseThrow().toJsonNode().path(field).asText();
  }
}
