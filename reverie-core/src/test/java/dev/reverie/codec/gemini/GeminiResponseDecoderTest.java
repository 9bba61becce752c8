package dev.reverie.codec.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.FinishReason;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.testing.RecordedCassette;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Gemini response decoder on recorded answers and on hostile ones. */
class GeminiResponseDecoderTest {
  private final AtomicInteger counter = new AtomicInteger();
  private final GeminiResponseDecoder decoder =
      new GeminiResponseDecoder(() -> Integer.toString(counter.incrementAndGet()));

  private static String recorded(String cassette, int interaction) {
    return RecordedCassette.load("gemini", cassette).interaction(interaction).responseBody();
  }

  @Test
  void parallelCallsWithoutIdsAreNumberedAndTheSignatureGoesBeforeTheSignedCall() {
    Response response =
        decoder.decode(recorded("TestGoogleCommon/gemini-2.5-flash/multi_tool", 0), List.of());
    assertThat(response.content()).hasSize(3);
    var reasoning = (ReasoningPart) response.content().get(0);
    assertThat(reasoning.text()).isEmpty();
    var data = reasoning.providerData().get("google").orElseThrow().toJsonNode();
    assertThat(data.path("signature").asText()).startsWith("CuwBAb4+");
    assertThat(data.path("tool_id").asText()).isEqualTo("1");
    assertThat(response.content().subList(1, 3))
        .extracting(p -> ((ToolCallPart) p).toolCallId())
        .containsExactly("1", "2");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
  }

  @Test
  void aThoughtTakesTheSignatureOfTheCallAfterItAndGemini3IdsAreKept() {
    Response response =
        decoder.decode(recorded("TestGoogleThinking/gemini-3-pro-preview/thinking", 0), List.of());
    assertThat(response.content()).hasSize(2);
    var reasoning = (ReasoningPart) response.content().get(0);
    assertThat(reasoning.text()).contains("Florence");
    assertThat(
            reasoning
                .providerData()
                .get("google")
                .orElseThrow()
                .toJsonNode()
                .path("tool_id")
                .asText())
        .isEqualTo("v3yybtcf");
    assertThat(((ToolCallPart) response.content().get(1)).toolCallId()).isEqualTo("v3yybtcf");
    assertThat(counter).hasValue(0);
    assertThat(response.usage()).isEqualTo(new Usage(65, 154, 219, 138, 0, 0));
  }

  @Test
  void aSignedAnswerTextAfterAThoughtSignsThatThought() {
    Response response =
        decoder.decode(recorded("TestGoogleThinking/gemini-3-pro-preview/thinking", 1), List.of());
    assertThat(response.content()).hasSize(2);
    assertThat(response.content().get(0)).isInstanceOf(ReasoningPart.class);
    assertThat(GeminiRequestEncoder.signature(response.content().get(0).providerData()))
        .isNotEmpty();
    assertThat(response.content().get(1)).isInstanceOf(TextPart.class);
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void aBlockedPromptIsAnEmptyContentFilteredAnswer() {
    Response response =
        decoder.decode("{\"promptFeedback\": {\"blockReason\": \"SAFETY\"}}", List.of());
    assertThat(response.content()).isEmpty();
    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(
            response
                .providerMetadata()
                .get("google")
                .orElseThrow()
                .toJsonNode()
                .path("block_reason")
                .asText())
        .isEqualTo("SAFETY");
  }

  @Test
  void aCandidateWithNoContentIsAnEmptyAnswer() {
    Response response =
        decoder.decode("{\"candidates\": [{\"finishReason\": \"RECITATION\"}]}", List.of());
    assertThat(response.content()).isEmpty();
    assertThat(response.finishReason()).isEqualTo(FinishReason.ERROR);
  }

  @Test
  void noCandidateAndNoBlockReasonIsAProtocolError() {
    assertThatThrownBy(() -> decoder.decode("{\"candidates\": []}", List.of()))
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("no candidate");
    assertThatThrownBy(() -> decoder.decode("[1]", List.of()))
        .isInstanceOf(StreamProtocolException.class);
  }

  @Test
  void anErrorObjectIsAProviderException() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    "{\"error\": {\"code\": 429, \"message\": \"quota\", \"status\": \"RESOURCE_EXHAUSTED\"}}",
                    List.of()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void finishReasonsMap() {
    assertThat(GeminiResponseDecoder.finishReason("MAX_TOKENS", false))
        .isEqualTo(FinishReason.LENGTH);
    assertThat(GeminiResponseDecoder.finishReason("SPII", false))
        .isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(GeminiResponseDecoder.finishReason("MALFORMED_FUNCTION_CALL", true))
        .isEqualTo(FinishReason.ERROR);
    assertThat(GeminiResponseDecoder.finishReason("OTHER", false)).isEqualTo(FinishReason.OTHER);
    assertThat(GeminiResponseDecoder.finishReason("SOMETHING_NEW", false))
        .isEqualTo(FinishReason.OTHER);
    assertThat(GeminiResponseDecoder.finishReason("", false)).isEqualTo(FinishReason.UNKNOWN);
  }

  @Test
  void errorBodiesAreParsedWithTheirStatusAsType() {
    var parser = new GeminiErrorParser();
    assertThat(
            parser.parse(
                "{\"error\": {\"code\": 400, \"message\": \"API key not valid\", \"status\": \"INVALID_ARGUMENT\"}}"))
        .isEqualTo(
            new dev.reverie.internal.http.ErrorBodyParser.ParsedError(
                "INVALID_ARGUMENT", "API key not valid"));
    assertThat(parser.parse("[{\"error\": {\"message\": \"m\", \"status\": \"S\"}}]").type())
        .isEqualTo("S");
    assertThat(parser.parse("<html>502</html>").message()).isEqualTo("<html>502</html>");
  }
}
