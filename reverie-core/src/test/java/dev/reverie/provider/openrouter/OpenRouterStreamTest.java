package dev.reverie.provider.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.RetryPolicy;
import dev.reverie.Usage;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.message.Message;
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

/** Every part an OpenRouter stream yields, in order, including from hostile input. */
class OpenRouterStreamTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final ProviderData EMPTY = ProviderData.EMPTY;
  private static final String R0 = "reasoning-0";
  private static final String T0 = "text-0";
  private static final String OK =
      """
      {"id":"gen-ok","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}
      """;

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ProviderData meta(String json) {
    return ProviderData.of("openrouter", object(json));
  }

  static List<StreamPart> stream(String body) {
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    return StreamCollector.drain(model(transport).stream(Prompt.user("hi"))).parts;
  }

  static dev.reverie.LanguageModel model(ScriptedTransport transport) {
    return OpenRouter.builder()
        .apiKey("k")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build()
        .languageModel("anthropic/claude-haiku-4.5");
  }

  static StreamPart last(List<StreamPart> parts) {
    return parts.get(parts.size() - 1);
  }

  /** A chunk with one choice of {@code delta}, shaped like OpenRouter's. */
  static String chunk(String delta) {
    return "data: {\"id\":\"gen-h\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"anthropic/claude-4.5-haiku\",\"provider\":\"Anthropic\",\"choices\":"
        + "[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":null,\"native_finish_reason\":null}]}\n\n";
  }

  static final String FINISH_STOP =
      "data: {\"id\":\"gen-h\",\"object\":\"chat.completion.chunk\",\"created\":1,"
          + "\"model\":\"anthropic/claude-4.5-haiku\",\"provider\":\"Anthropic\",\"choices\":"
          + "[{\"index\":0,\"delta\":{\"content\":\"\",\"role\":\"assistant\",\"reasoning\":null},"
          + "\"finish_reason\":\"stop\",\"native_finish_reason\":\"end_turn\"}]}\n\n";

  static final ProviderData HOSTILE_META =
      meta(
          """
          {"response_id":"gen-h","model":"anthropic/claude-4.5-haiku","provider":"Anthropic",
           "native_finish_reason":"end_turn"}
          """);

  // --- recorded shapes ---

  @Test
  void anthropicThinkingWithASignatureThenTextAndAToolCall() {
    String body =
        """
        : OPENROUTER PROCESSING

        : OPENROUTER PROCESSING

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":"The user asks","reasoning_details":[{"type":"reasoning.text","text":"The user asks","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":" about Florence.","reasoning_details":[{"type":"reasoning.text","text":" about Florence.","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning_details":[{"type":"reasoning.text","signature":"EqSig","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"Let me check.","role":"assistant"},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"id":"toolu_bdrk_01","type":"function","function":{"name":"weather","arguments":""}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"function":{"arguments":""}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\": "}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"function":{"arguments":"\\"Florence, Italy\\"}"}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":null},"finish_reason":"tool_calls","native_finish_reason":"tool_use"}]}

        data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"tool_calls","native_finish_reason":"tool_use"}],"usage":{"prompt_tokens":560,"completion_tokens":120,"total_tokens":680,"cost":0.00116,"is_byok":false,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0,"audio_tokens":0,"video_tokens":0},"cost_details":{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.00056,"upstream_inference_completions_cost":0.0006},"completion_tokens_details":{"reasoning_tokens":40,"image_tokens":0,"audio_tokens":0}}}

        data: [DONE]

        """;
    String id = "toolu_bdrk_01";
    var reasoningData =
        ProviderData.of(
                "openrouter",
                object(
                    """
                    {"reasoning_details":[{"type":"reasoning.text","text":"The user asks about Florence.",
                      "format":"anthropic-claude-v1","index":0,"signature":"EqSig"}]}
                    """))
            .with("anthropic", object("{\"signature\":\"EqSig\"}"));
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "The user asks"),
            new ReasoningDelta(R0, " about Florence."),
            new ReasoningEnd(R0, reasoningData),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Let me check."),
            new TextEnd(T0, EMPTY),
            new ToolInputStart(id, "weather", false, EMPTY),
            new ToolInputDelta(id, "{\"location\": "),
            new ToolInputDelta(id, "\"Florence, Italy\"}"),
            new ToolInputEnd(id),
            new ToolCall(ToolCallPart.of(id, "weather", "{\"location\": \"Florence, Italy\"}")),
            new Finish(
                new Usage(560, 120, 680, 40, 0, 0),
                FinishReason.TOOL_CALLS,
                meta(
                    """
                    {"response_id":"gen-1","model":"anthropic/claude-4.5-haiku-20251001",
                     "provider":"Amazon Bedrock","native_finish_reason":"tool_use",
                     "cost":0.00116,"is_byok":false,
                     "cost_details":{"upstream_inference_cost":null,
                       "upstream_inference_prompt_cost":0.00056,
                       "upstream_inference_completions_cost":0.0006}}
                    """)));
  }

  @Test
  void geminiEncryptedReasoningBeforeTwoWholeToolCalls() {
    String body =
        """
        data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":null,"reasoning_details":[{"type":"reasoning.encrypted","data":"EjQKMgEMOdbH","format":"google-gemini-v1","id":"tool_add_jKPaCgS4","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"id":"tool_add_jKPaCgS4","type":"function","function":{"name":"add","arguments":"{\\"b\\":3,\\"a\\":2}"}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":1,"id":"tool_multiply_Xy","type":"function","function":{"name":"multiply","arguments":"{\\"a\\":2,\\"b\\":3}"}}]},"finish_reason":null,"native_finish_reason":null}]}

        data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"tool_calls","native_finish_reason":"STOP"}]}

        data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"tool_calls","native_finish_reason":"STOP"}],"usage":{"prompt_tokens":90,"completion_tokens":30,"total_tokens":120,"cost":8.825e-05,"is_byok":false,"prompt_tokens_details":{"cached_tokens":10,"cache_write_tokens":5}}}

        data: [DONE]

        """;
    var reasoningData =
        ProviderData.of(
                "openrouter",
                object(
                    """
                    {"reasoning_details":[{"type":"reasoning.encrypted","data":"EjQKMgEMOdbH",
                      "format":"google-gemini-v1","id":"tool_add_jKPaCgS4","index":0}]}
                    """))
            .with(
                "google",
                object("{\"signature\":\"EjQKMgEMOdbH\",\"tool_id\":\"tool_add_jKPaCgS4\"}"));
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningEnd(R0, reasoningData),
            new ToolInputStart("tool_add_jKPaCgS4", "add", false, EMPTY),
            new ToolInputDelta("tool_add_jKPaCgS4", "{\"b\":3,\"a\":2}"),
            new ToolInputEnd("tool_add_jKPaCgS4"),
            new ToolInputStart("tool_multiply_Xy", "multiply", false, EMPTY),
            new ToolInputDelta("tool_multiply_Xy", "{\"a\":2,\"b\":3}"),
            new ToolInputEnd("tool_multiply_Xy"),
            new ToolCall(ToolCallPart.of("tool_add_jKPaCgS4", "add", "{\"b\":3,\"a\":2}")),
            new ToolCall(ToolCallPart.of("tool_multiply_Xy", "multiply", "{\"a\":2,\"b\":3}")),
            new Finish(
                new Usage(75, 30, 120, 0, 5, 10),
                FinishReason.TOOL_CALLS,
                meta(
                    """
                    {"response_id":"gen-g","model":"google/gemini-3.1-flash-lite-preview-20260303",
                     "provider":"Google AI Studio","native_finish_reason":"STOP",
                     "cost":8.825e-05,"is_byok":false}
                    """)));
  }

  // --- hostile input ---

  @Test
  void reasoningFieldsOfTheWrongTypeAreIgnored() {
    String body =
        chunk("{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":{\"x\":1}}")
            + chunk("{\"reasoning_details\":\"oops\"}")
            + chunk("{\"reasoning_details\":{\"type\":\"reasoning.text\",\"text\":\"obj\"}}")
            + chunk("{\"reasoning_details\":[1,\"x\",null,[]]}")
            + chunk("{\"reasoning_content\":42,\"reasoning\":42}")
            + chunk("{\"content\":\"Hi\"}")
            + FINISH_STOP
            + "data: [DONE]\n\n";
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(Usage.ZERO, FinishReason.STOP, HOSTILE_META));
  }

  @Test
  void entriesThatAreNotObjectsAreSkippedAndTheOthersKept() {
    String body =
        chunk(
                """
                {"reasoning":"ok","reasoning_details":[1,"x",null,{"type":"reasoning.text","text":"ok","format":"anthropic-claude-v1","index":0}]}""")
            + chunk("{\"content\":\"Hi\"}")
            + FINISH_STOP
            + "data: [DONE]\n\n";
    var data =
        ProviderData.of(
            "openrouter",
            object(
                """
                {"reasoning_details":[{"type":"reasoning.text","text":"ok","format":"anthropic-claude-v1","index":0}]}
                """));
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "ok"),
            new ReasoningEnd(R0, data),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(Usage.ZERO, FinishReason.STOP, HOSTILE_META));
  }

  @Test
  void entriesOfAnUnknownTypeOrFormatAreKeptRawAndReplayedAsTheyCame() {
    String mystery =
        """
        {"type":"reasoning.mystery","blob":{"k":[1,2.5,null]},"format":"future-v9","index":0}""";
    String unknownFormat =
        """
        {"type":"reasoning.text","text":"plain","format":"unknown","index":1}""";
    String body =
        chunk("{\"reasoning_details\":[" + mystery + "," + unknownFormat + "]}")
            + chunk("{\"content\":\"Hi\"}")
            + FINISH_STOP
            + "data: [DONE]\n\n";
    var transport =
        new ScriptedTransport()
            .respond(200, "text/event-stream", body)
            .respond(200, "application/json", OK);
    var model = model(transport);
    var turnOne = StreamCollector.drain(model.stream(Prompt.user("hi")));

    var data =
        ProviderData.of(
            "openrouter",
            object("{\"reasoning_details\":[" + mystery + "," + unknownFormat + "]}"));
    assertThat(turnOne.parts)
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "plain"),
            new ReasoningEnd(R0, data),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(Usage.ZERO, FinishReason.STOP, HOSTILE_META));

    model.generate(
        Call.of(
            Prompt.of(
                Message.user("hi"),
                Message.assistant(turnOne.assistantParts()),
                Message.user("again"))));
    JsonNode sent = json(transport.requests().get(1).bodyText());
    assertThat(sent.path("messages").get(1))
        .isEqualTo(
            object(
                """
                {"role":"assistant","content":"Hi",
                 "reasoning_details":[%s,%s],"reasoning":"plain"}
                """
                    .formatted(mystery, unknownFormat)));
  }

  @Test
  void nullReasoningFieldsOpenNoReasoningBlock() {
    String body =
        chunk(
                "{\"content\":\"\",\"role\":\"assistant\",\"reasoning\":null,\"reasoning_details\":null}")
            + chunk("{\"content\":\"Hi\",\"role\":\"assistant\",\"reasoning\":null}")
            + chunk("{\"content\":\"\",\"reasoning\":null,\"reasoning_details\":[]}")
            + FINISH_STOP
            + "data: [DONE]\n\n";
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(Usage.ZERO, FinishReason.STOP, HOSTILE_META));
  }

  @Test
  void aStreamWithoutItsUsageChunkStillFinishesAtDone() {
    String body = chunk("{\"content\":\"Hi\"}") + FINISH_STOP + "data: [DONE]\n\n";
    assertThat(last(stream(body)))
        .isEqualTo(new Finish(Usage.ZERO, FinishReason.STOP, HOSTILE_META));
  }

  @Test
  void aStreamCutBeforeTheFinishReasonEndsWithAnIncompleteStreamError() {
    String cut =
        chunk(
                "{\"reasoning\":\"Hmm\",\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"Hmm\",\"format\":\"anthropic-claude-v1\",\"index\":0}]}")
            + chunk("{\"content\":\"Hel\"}");
    for (String body : List.of(cut, cut + "data: [DONE]\n\n")) {
      var parts = stream(body);
      assertThat(parts.subList(0, 4))
          .containsExactly(
              new StreamStart(List.of()),
              new ReasoningStart(R0, EMPTY),
              new ReasoningDelta(R0, "Hmm"),
              new ReasoningEnd(
                  R0,
                  ProviderData.of(
                      "openrouter",
                      object(
                          """
                          {"reasoning_details":[{"type":"reasoning.text","text":"Hmm","format":"anthropic-claude-v1","index":0}]}
                          """))));
      assertThat(parts.subList(4, parts.size() - 1))
          .containsExactly(new TextStart(T0, EMPTY), new TextDelta(T0, "Hel"));
      assertThat(last(parts))
          .isInstanceOfSatisfying(
              Error.class,
              e -> assertThat(e.error()).isInstanceOf(IncompleteStreamException.class));
      assertThat(parts).noneMatch(Finish.class::isInstance);
    }
  }

  @Test
  void aStreamCutAfterTheFinishReasonButBeforeDoneIsIncomplete() {
    // [DONE] is required here: the usage (and cost) chunk may be what was lost.
    var parts = stream(chunk("{\"content\":\"Hi\"}") + FINISH_STOP);
    assertThat(last(parts))
        .isInstanceOfSatisfying(
            Error.class,
            e ->
                assertThat(e.error())
                    .isInstanceOf(IncompleteStreamException.class)
                    .hasMessageContaining("[DONE]"));
    assertThat(parts).noneMatch(Finish.class::isInstance);
  }

  @Test
  void anErrorObjectInsideA200StreamEndsWithAProviderError() {
    String body =
        chunk("{\"content\":\"Hel\"}")
            + "data: {\"error\":{\"message\":\"Rate limit\",\"code\":429}}\n\n"
            + FINISH_STOP
            + "data: [DONE]\n\n";
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
                          assertThat(p.providerId()).isEqualTo("openrouter");
                          assertThat(p.providerMessage()).isEqualTo("Rate limit");
                          assertThat(p.getMessage()).contains("Rate limit");
                        }));
  }

  @Test
  void openRoutersMidStreamErrorWithFinishReasonErrorEndsWithAProviderError() {
    String body =
        chunk("{\"content\":\"Hel\"}")
            + """
            data: {"id":"gen-h","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5.4-nano","provider":"OpenAI","error":{"code":"server_error","message":"Provider disconnected unexpectedly"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error","native_finish_reason":"error"}]}

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
                          assertThat(p.providerId()).isEqualTo("openrouter");
                          assertThat(p.status()).isZero();
                          assertThat(p.errorType()).isEqualTo("server_error");
                          assertThat(p.providerMessage())
                              .isEqualTo("Provider disconnected unexpectedly");
                          assertThat(p.isRetryable()).isTrue();
                        }));
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void aGeneratedAnswerWithReasoningFieldsOfTheWrongTypeIsJustItsText() {
    String body =
        """
        {"id":"gen-w","provider":"Anthropic","choices":[{"index":0,"finish_reason":"stop","native_finish_reason":"end_turn","message":{"role":"assistant","content":"Hi","reasoning":{"x":1},"reasoning_details":"oops"}}]}
        """;
    var transport = new ScriptedTransport().respond(200, "application/json", body);
    var response = model(transport).generate(Prompt.user("hi"));
    assertThat(response.content()).containsExactly(TextPart.of("Hi"));
    assertThat(response.providerMetadata())
        .isEqualTo(
            meta(
                """
                {"response_id":"gen-w","provider":"Anthropic","native_finish_reason":"end_turn"}
                """));
  }

  /**
   * A details array with nothing usable in it (empty, or entries that are not objects) is as good
   * as none: the plain {@code reasoning} text beside it must not be lost.
   */
  @Test
  void anUnusableDetailsArrayFallsBackToThePlainReasoningText() {
    String body =
        chunk("{\"reasoning\":\"Plain \",\"reasoning_details\":[]}")
            + chunk("{\"reasoning\":\"thought.\",\"reasoning_details\":[1,null]}")
            + chunk("{\"content\":\"Hi\"}")
            + FINISH_STOP
            + "data: [DONE]\n\n";
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "Plain "),
            new ReasoningDelta(R0, "thought."),
            new ReasoningEnd(R0, EMPTY),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Hi"),
            new TextEnd(T0, EMPTY),
            new Finish(Usage.ZERO, FinishReason.STOP, HOSTILE_META));
  }
}
