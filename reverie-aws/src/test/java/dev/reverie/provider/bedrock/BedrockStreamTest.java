package dev.reverie.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.FinishReason;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.EventStreamFrames;
import dev.reverie.message.Part;
import dev.reverie.message.ToolCallPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.testing.StreamCollector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bedrock's event stream through the Anthropic event decoding: recorded bodies and hostile ones.
 */
class BedrockStreamTest {
  private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

  private static LanguageModel model(ScriptedTransport transport) {
    return Bedrock.builder()
        .apiKey("test-key")
        .region("us-east-1")
        .retryPolicy(RetryPolicy.none())
        .transport(transport)
        .build()
        .languageModel("us.anthropic.claude-haiku-4-5-20251001-v1:0");
  }

  private static StreamCollector stream(byte[] body, int chunk) {
    var transport = new ScriptedTransport().respond(200, EVENT_STREAM, body, chunk);
    return StreamCollector.drain(model(transport).stream(Prompt.user("hi")));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, 8192})
  void aRecordedTextStreamDecodesInAnyChunking(int chunk) {
    var collected =
        stream(
            EventStreamFrames.recorded("TestBedrockBasicAuth/simple_streaming-0.eventstream"),
            chunk);

    assertThat(collected.error).isNull();
    assertThat(collected.text()).containsAnyOf("Oi", "Olá", "oi", "olá");
    assertThat(collected.finish.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(collected.finish.usage().outputTokens()).isPositive();
  }

  @Test
  void aRecordedToolStreamEndsWithTheToolCall() {
    var collected =
        stream(
            EventStreamFrames.recorded(
                "TestBedrockCommon/bedrock-anthropic-claude-sonnet-4-5/tool_streaming-0.eventstream"),
            64);

    assertThat(collected.error).isNull();
    assertThat(collected.finish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    List<Part> parts = collected.assistantParts();
    assertThat(parts)
        .filteredOn(ToolCallPart.class::isInstance)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(((ToolCallPart) p).toolName()).isEqualTo("weather");
              assertThat(((ToolCallPart) p).input()).contains("Florence");
            });
  }

  @Test
  void everyRecordedBodyFinishesWithoutError() {
    for (String name : EventStreamFrames.recordedNames()) {
      var collected = stream(EventStreamFrames.recorded(name), 13);
      assertThat(collected.error).as(name).isNull();
      assertThat(collected.finish).as(name).isNotNull();
    }
  }

  @Test
  void aThrottlingExceptionMidStreamEndsItWithARetryableProviderError() {
    byte[] body =
        EventStreamFrames.concat(
            EventStreamFrames.bedrockChunk(
                "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3}}}"),
            EventStreamFrames.bedrockChunk(
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
            EventStreamFrames.bedrockChunk(
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Ol\"}}"),
            EventStreamFrames.exception("throttlingException", "Too many tokens, please wait"),
            EventStreamFrames.bedrockChunk("{\"type\":\"message_stop\"}"));

    var collected = stream(body, 32);

    assertThat(collected.parts).filteredOn(TextDelta.class::isInstance).hasSize(1);
    assertThat(collected.finish).isNull();
    assertThat(collected.error.error())
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.providerId()).isEqualTo("bedrock");
              assertThat(e.errorType()).isEqualTo("throttlingException");
              assertThat(e.getMessage()).contains("Too many tokens");
            });
  }

  @Test
  void aValidationExceptionIsNotRetryable() {
    var collected = stream(EventStreamFrames.exception("validationException", "bad input"), 64);
    assertThat(collected.error.error())
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  void aChunkWithoutBytesIsAProtocolError() {
    byte[] body = EventStreamFrames.chunk().payload("{\"p\":\"abc\"}");
    assertThat(stream(body, 64).error.error())
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("\"bytes\"");
  }

  @Test
  void bytesThatAreNotBase64AreAProtocolError() {
    byte[] body = EventStreamFrames.chunk().payload("{\"bytes\":\"***\"}");
    assertThat(stream(body, 64).error.error())
        .isInstanceOf(StreamProtocolException.class)
        .hasMessageContaining("base64");
  }

  @Test
  void otherEventTypesAreSkipped() {
    byte[] recorded =
        EventStreamFrames.recorded("TestBedrockBasicAuth/simple_streaming-0.eventstream");
    byte[] body =
        EventStreamFrames.concat(
            new EventStreamFrames()
                .string(":event-type", "initial-response")
                .string(":message-type", "event")
                .payload("{}"),
            recorded);
    var collected = stream(body, 64);
    assertThat(collected.error).isNull();
    assertThat(collected.finish).isNotNull();
  }

  @Test
  void aBodyCutInsideAMessageIsAnIncompleteStream() {
    byte[] recorded =
        EventStreamFrames.recorded("TestBedrockBasicAuth/simple_streaming-0.eventstream");
    var collected = stream(Arrays.copyOf(recorded, recorded.length - 10), 64);
    assertThat(collected.finish).isNull();
    assertThat(collected.error.error()).isInstanceOf(IncompleteStreamException.class);
  }

  @Test
  void aBodyEndingBetweenMessagesBeforeMessageStopIsAnIncompleteStream() {
    byte[] body =
        EventStreamFrames.bedrockChunk(
            "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3}}}");
    assertThat(stream(body, 64).error.error())
        .isInstanceOf(IncompleteStreamException.class)
        .hasMessageContaining("message_stop");
  }
}
