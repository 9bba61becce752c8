package dev.reverie.provider.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.RetryPolicy;
import dev.reverie.Usage;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolInputDelta;
import dev.reverie.stream.ToolInputEnd;
import dev.reverie.stream.ToolInputStart;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.testing.StreamCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every part an OpenAI-compatible stream yields, in order, including from hostile input. */
class OpenAiCompatibleStreamTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final ProviderData EMPTY = ProviderData.EMPTY;
  private static final String R0 = "reasoning-0";
  private static final String T0 = "text-0";

  static List<StreamPart> stream(String body) {
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    var model =
        OpenAiCompatible.builder()
            .baseUrl("http://localhost:8080/v1")
            .apiKey("k")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build()
            .languageModel("some-model");
    return StreamCollector.drain(model.stream(Prompt.user("hi"))).parts;
  }

  static ProviderData meta(String json) {
    try {
      return ProviderData.of("openai-compat", (ObjectNode) MAPPER.readTree(json));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static StreamPart last(List<StreamPart> parts) {
    return parts.get(parts.size() - 1);
  }

  // --- recorded shapes ---

  @Test
  void llamaCppReasoningThenAToolCallInFragments() {
    String id = "mvVq65j66dyGRizURhbdNCEnSO56GhXx";
    String body =
        """
        data: {"id":"chatcmpl-ll","object":"chat.completion.chunk","created":1,"model":"gpt-oss-20b","choices":[{"index":0,"delta":{"role":"assistant","content":null}}]}

        data: {"id":"chatcmpl-ll","object":"chat.completion.chunk","created":1,"model":"gpt-oss-20b","choices":[{"index":0,"delta":{"reasoning_content":"User wants weather"}}]}

        data: {"id":"chatcmpl-ll","object":"chat.completion.chunk","created":1,"model":"gpt-oss-20b","choices":[{"index":0,"delta":{"reasoning_content":" in Florence."}}]}

        data: {"id":"chatcmpl-ll","object":"chat.completion.chunk","created":1,"model":"gpt-oss-20b","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"mvVq65j66dyGRizURhbdNCEnSO56GhXx","type":"function","function":{"name":"weather","arguments":"{\\""}}]}}]}

        data: {"id":"chatcmpl-ll","object":"chat.completion.chunk","created":1,"model":"gpt-oss-20b","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"location\\":\\"Florence, Italy\\"}"}}]}}]}

        data: {"id":"chatcmpl-ll","object":"chat.completion.chunk","created":1,"model":"gpt-oss-20b","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

        data: {"id":"chatcmpl-ll","object":"chat.completion.chunk","created":1,"model":"gpt-oss-20b","choices":[],"usage":{"completion_tokens":40,"prompt_tokens":150,"total_tokens":190},"timings":{"prompt_n":150,"predicted_per_second":61.5}}

        data: [DONE]

        """;
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "User wants weather"),
            new ReasoningDelta(R0, " in Florence."),
            new ReasoningEnd(R0, EMPTY),
            new ToolInputStart(id, "weather", false, EMPTY),
            new ToolInputDelta(id, "{\""),
            new ToolInputDelta(id, "location\":\"Florence, Italy\"}"),
            new ToolInputEnd(id),
            new ToolCall(ToolCallPart.of(id, "weather", "{\"location\":\"Florence, Italy\"}")),
            new Finish(
                new Usage(150, 40, 190, 0, 0, 0),
                FinishReason.TOOL_CALLS,
                meta("{\"response_id\":\"chatcmpl-ll\",\"model\":\"gpt-oss-20b\"}")));
  }

  @Test
  void avianReasoningTextBetweenToolCallsAndUsageInARepeatedFinishChunk() {
    String body =
        """
        data: {"id":"chatcmpl-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"role":"assistant"}}]}



        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning_content":"The","reasoning_details":[{"type":"reasoning.text","text":"The","format":"unknown","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning_content":" user","reasoning_details":[{"type":"reasoning.text","text":" user","format":"unknown","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":" I'll add.","role":"assistant"},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"id":"functions.add:0","type":"function","function":{"name":"add","arguments":""}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"function":{"arguments":"{\\"a\\": 2, \\"b\\": 3}"}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":" ","role":"assistant"},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":1,"id":"functions.multiply:1","type":"function","function":{"name":"multiply","arguments":""}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":1,"function":{"arguments":"{\\"a\\": 2, \\"b\\": 3}"}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning_content":null},"finish_reason":"tool_calls","native_finish_reason":"tool_calls"}]}

        data: {"id":"gen-a","object":"chat.completion.chunk","created":1,"model":"moonshotai/kimi-k2.5","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"tool_calls","native_finish_reason":"tool_calls"}],"usage":{"prompt_tokens":200,"completion_tokens":50,"total_tokens":250,"cost":8.825e-05,"prompt_tokens_details":{"cached_tokens":64,"cache_write_tokens":0,"audio_tokens":0,"video_tokens":0},"completion_tokens_details":{"reasoning_tokens":10,"image_tokens":0,"audio_tokens":0}}}

        data: [DONE]

        """;
    String args = "{\"a\": 2, \"b\": 3}";
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "The"),
            new ReasoningDelta(R0, " user"),
            new ReasoningEnd(R0, EMPTY),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, " I'll add."),
            new TextEnd(T0, EMPTY),
            new ToolInputStart("functions.add:0", "add", false, EMPTY),
            new ToolInputDelta("functions.add:0", args),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, " "),
            new TextEnd(T0, EMPTY),
            new ToolInputEnd("functions.add:0"),
            new ToolInputStart("functions.multiply:1", "multiply", false, EMPTY),
            new ToolInputDelta("functions.multiply:1", args),
            new ToolInputEnd("functions.multiply:1"),
            new ToolCall(ToolCallPart.of("functions.add:0", "add", args)),
            new ToolCall(ToolCallPart.of("functions.multiply:1", "multiply", args)),
            new Finish(
                new Usage(136, 50, 250, 10, 0, 64),
                FinishReason.TOOL_CALLS,
                meta("{\"response_id\":\"chatcmpl-a\",\"model\":\"moonshotai/kimi-k2.5\"}")));
  }

  @Test
  void reasoningInThePlainReasoningFieldIsReadAndReasoningContentWinsWhenBothArePresent() {
    String body =
        """
        data: {"id":"o1","model":"qwen3","choices":[{"index":0,"delta":{"role":"assistant","reasoning":"Ollama "}}]}

        data: {"id":"o1","choices":[{"index":0,"delta":{"reasoning":"ignored","reasoning_content":"thinks."}}]}

        data: {"id":"o1","choices":[{"index":0,"delta":{"content":"Hi"}}]}

        data: {"id":"o1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}

        data: [DONE]

        """;
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "Ollama "),
            new ReasoningDelta(R0, "thinks."),
            new ReasoningEnd(R0, EMPTY),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(
                new Usage(5, 3, 8, 0, 0, 0),
                FinishReason.STOP,
                meta("{\"response_id\":\"o1\",\"model\":\"qwen3\"}")));
  }

  // --- hostile input ---

  @Test
  void reasoningFieldsOfTheWrongTypeAreIgnored() {
    String body =
        """
        data: {"id":"h1","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":42}}]}

        data: {"id":"h1","choices":[{"index":0,"delta":{"reasoning":{"x":1}}}]}

        data: {"id":"h1","choices":[{"index":0,"delta":{"reasoning_content":["a"],"reasoning":true}}]}

        data: {"id":"h1","choices":[{"index":0,"delta":{"reasoning_details":"oops"}}]}

        data: {"id":"h1","choices":[{"index":0,"delta":{"reasoning_details":[1,"x",null,{"type":"reasoning.text","text":"not read by this dialect"}]}}]}

        data: {"id":"h1","choices":[{"index":0,"delta":{"content":"Hi"}}]}

        data: {"id":"h1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

        data: [DONE]

        """;
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(Usage.ZERO, FinishReason.STOP, meta("{\"response_id\":\"h1\"}")));
  }

  @Test
  void nullReasoningFieldsOpenNoReasoningBlock() {
    String body =
        """
        data: {"id":"n1","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":null,"reasoning":null}}]}

        data: {"id":"n1","choices":[{"index":0,"delta":{"content":"Hi","reasoning_content":null}}]}

        data: {"id":"n1","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning_content":null},"finish_reason":"stop"}]}

        data: [DONE]

        """;
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(Usage.ZERO, FinishReason.STOP, meta("{\"response_id\":\"n1\"}")));
  }

  @Test
  void aStreamWithoutItsUsageChunkStillFinishesAtDone() {
    String body =
        """
        data: {"id":"u1","model":"m","choices":[{"index":0,"delta":{"content":"Hi"}}]}

        data: {"id":"u1","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

        data: [DONE]

        """;
    assertThat(last(stream(body)))
        .isEqualTo(
            new Finish(
                Usage.ZERO, FinishReason.STOP, meta("{\"response_id\":\"u1\",\"model\":\"m\"}")));
  }

  @Test
  void aStreamEndingAfterItsFinishReasonWithoutDoneStillFinishes() {
    // Some compatible servers end the body without [DONE]; the finish reason is what counts.
    String body =
        """
        data: {"id":"u2","choices":[{"index":0,"delta":{"content":"Hi"}}]}

        data: {"id":"u2","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}

        """;
    assertThat(last(stream(body)))
        .isEqualTo(new Finish(Usage.ZERO, FinishReason.LENGTH, meta("{\"response_id\":\"u2\"}")));
  }

  @Test
  void aStreamCutBeforeTheFinishReasonEndsWithAnIncompleteStreamError() {
    String cut =
        """
        data: {"id":"x1","choices":[{"index":0,"delta":{"reasoning_content":"Hmm"}}]}

        data: {"id":"x1","choices":[{"index":0,"delta":{"content":"Hel"}}]}

        """;
    for (String body : List.of(cut, cut + "data: [DONE]\n\n")) {
      var parts = stream(body);
      assertThat(parts.subList(0, parts.size() - 1))
          .containsExactly(
              new StreamStart(List.of()),
              new ReasoningStart(R0, EMPTY),
              new ReasoningDelta(R0, "Hmm"),
              new ReasoningEnd(R0, EMPTY),
              new TextStart(T0, EMPTY),
              new TextDelta(T0, "Hel"));
      assertThat(last(parts))
          .isInstanceOfSatisfying(
              Error.class,
              e -> {
                assertThat(e.error()).isInstanceOf(IncompleteStreamException.class);
                assertThat(e.error().getMessage()).contains("openai-compat");
                assertThat(e.error().isRetryable()).isTrue();
              });
      assertThat(parts).noneMatch(Finish.class::isInstance);
    }
  }

  @Test
  void anErrorObjectInsideA200StreamEndsWithAProviderError() {
    String body =
        """
        data: {"id":"e1","choices":[{"index":0,"delta":{"content":"Hel"}}]}

        data: {"error":{"message":"Rate limit","code":429}}

        data: {"id":"e1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}

        data: [DONE]

        """;
    var parts = stream(body);
    assertThat(parts.subList(0, parts.size() - 1))
        .containsExactly(
            new StreamStart(List.of()), new TextStart(T0, EMPTY), new TextDelta(T0, "Hel"));
    assertThat(last(parts))
        .isInstanceOfSatisfying(
            Error.class,
            e ->
                assertThat(e.error())
                    .isInstanceOfSatisfying(
                        ProviderException.class,
                        p -> {
                          assertThat(p.providerId()).isEqualTo("openai-compat");
                          assertThat(p.status()).isZero();
                          assertThat(p.providerMessage()).isEqualTo("Rate limit");
                          assertThat(p.getMessage()).contains("Rate limit");
                        }));
  }

  /**
   * ProviderException documents stream errors of a rate-limit kind as retryable; a stream error
   * whose code is 429 is one.
   */
  @Test
  void aRateLimitErrorInsideTheStreamIsRetryable() {
    var parts = stream("data: {\"error\":{\"message\":\"Rate limit\",\"code\":429}}\n\n");
    assertThat(last(parts))
        .isInstanceOfSatisfying(
            Error.class, e -> assertThat(e.error().isRetryable()).as("retryable").isTrue());
  }

  @Test
  void anErrorGivenAsAPlainStringIsCarriedToo() {
    var parts = stream("data: {\"error\":\"upstream exploded\"}\n\n");
    assertThat(parts).hasSize(2);
    assertThat(last(parts))
        .isInstanceOfSatisfying(
            Error.class,
            e ->
                assertThat(e.error())
                    .isInstanceOfSatisfying(
                        ProviderException.class,
                        p -> assertThat(p.providerMessage()).isEqualTo("upstream exploded")));
  }

  @Test
  void aGeneratedAnswerWithReasoningFieldsOfTheWrongTypeIsJustItsText() {
    String body =
        """
        {"id":"g1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi","reasoning_content":42,"reasoning":{"x":1},"reasoning_details":"oops"},"finish_reason":"stop"}]}
        """;
    var transport = new ScriptedTransport().respond(200, "application/json", body);
    var response =
        OpenAiCompatible.builder()
            .baseUrl("http://localhost:8080/v1")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build()
            .languageModel("some-model")
            .generate(Prompt.user("hi"));
    assertThat(response.content()).containsExactly(TextPart.of("Hi"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }
}
