package dev.reverie.provider.vercel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.LanguageModel;
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

/** Every part a Vercel AI Gateway stream yields, in order, including from hostile input. */
class VercelGatewayStreamTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final ProviderData EMPTY = ProviderData.EMPTY;
  private static final String R0 = "reasoning-0";
  private static final String R1 = "reasoning-1";
  private static final String T0 = "text-0";
  private static final String OK =
      """
      {"id":"gen_ok","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"ok"}}]}
      """;

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode object(String text) {
    return (ObjectNode) json(text);
  }

  static ProviderData meta(String json) {
    return ProviderData.of("vercel", object(json));
  }

  static LanguageModel model(ScriptedTransport transport, String modelId) {
    return VercelGateway.builder()
        .apiKey("k")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build()
        .languageModel(modelId);
  }

  static List<StreamPart> stream(String body) {
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    return StreamCollector.drain(
            model(transport, "anthropic/claude-sonnet-4").stream(Prompt.user("hi")))
        .parts;
  }

  static StreamPart last(List<StreamPart> parts) {
    return parts.get(parts.size() - 1);
  }

  /** A chunk with one choice of {@code delta}, shaped like the gateway's. */
  static String chunk(String delta) {
    return "data: {\"id\":\"gen_h\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"anthropic/claude-sonnet-4\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"logprobs\":null,\"finish_reason\":null}],\"system_fingerprint\":\"fp_h\"}\n\n";
  }

  static final String FINISH_STOP =
      "data: {\"id\":\"gen_h\",\"object\":\"chat.completion.chunk\",\"created\":1,"
          + "\"model\":\"anthropic/claude-sonnet-4\",\"choices\":[{\"index\":0,\"delta\":{},"
          + "\"logprobs\":null,\"finish_reason\":\"stop\"}],\"generationId\":\"gen_h\"}\n\n";

  static final ProviderData HOSTILE_META =
      meta(
          """
          {"response_id":"gen_h","model":"anthropic/claude-sonnet-4","generation_id":"gen_h"}
          """);

  // --- recorded shapes ---

  @Test
  void claudeThinkingWithEmptySignaturesUntilTheLastThenTextAndAToolCall() {
    String body =
        """
        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"role":"assistant"},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":"I need","reasoning_details":[{"type":"reasoning.text","text":"I need","signature":"","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":" the weather.","reasoning_details":[{"type":"reasoning.text","text":" the weather.","signature":"","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":"","reasoning_details":[{"type":"reasoning.text","text":"","signature":"","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":"","reasoning_details":[{"type":"reasoning.text","text":"","signature":"VercelSig","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"content":"I'll get the current weather."},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"toolu_v1","type":"function","function":{"name":"weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

        data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"provider_metadata":{"anthropic":{"cacheCreationInputTokens":0},"gateway":{"routing":{"attempts":[{"provider":"anthropic","success":true}]},"cost":"0.0021","generationId":"gen_01K1"}}},"logprobs":null,"finish_reason":"tool_calls"}],"system_fingerprint":"fp_1","usage":{"prompt_tokens":400,"completion_tokens":90,"total_tokens":490,"cost":0.0021,"is_byok":false,"prompt_tokens_details":{"cached_tokens":100,"audio_tokens":0,"video_tokens":0},"cost_details":{"upstream_inference_cost":null,"upstream_inference_prompt_cost":0.0012,"upstream_inference_completions_cost":0.0009},"completion_tokens_details":{"reasoning_tokens":30,"image_tokens":0},"cache_creation_input_tokens":0,"market_cost":0.0021},"generationId":"gen_01K1"}

        data: [DONE]

        """;
    String args = "{\"location\": \"Florence, Italy\"}";
    var reasoningData =
        ProviderData.of(
                "vercel",
                object(
                    """
                    {"reasoning_details":[{"type":"reasoning.text","text":"I need the weather.",
                      "signature":"VercelSig","format":"anthropic-claude-v1","index":0}]}
                    """))
            .with("anthropic", object("{\"signature\":\"VercelSig\"}"));
    assertThat(stream(body))
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "I need"),
            new ReasoningDelta(R0, " the weather."),
            new ReasoningEnd(R0, reasoningData),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "I'll get the current weather."),
            new TextEnd(T0, EMPTY),
            new ToolInputStart("toolu_v1", "weather", false, EMPTY),
            new ToolInputDelta("toolu_v1", args),
            new ToolInputEnd("toolu_v1"),
            new ToolCall(ToolCallPart.of("toolu_v1", "weather", args)),
            new Finish(
                new Usage(300, 90, 490, 30, 0, 100),
                FinishReason.TOOL_CALLS,
                meta(
                    """
                    {"response_id":"gen_01K1","model":"anthropic/claude-sonnet-4",
                     "generation_id":"gen_01K1","cost":0.0021,"market_cost":0.0021,"is_byok":false,
                     "cost_details":{"upstream_inference_cost":null,
                       "upstream_inference_prompt_cost":0.0012,
                       "upstream_inference_completions_cost":0.0009},
                     "cache_creation_input_tokens":0}
                    """)));
  }

  @Test
  void gpt5SummaryDeltasThenOneEncryptedDelta() {
    String body =
        """
        data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"role":"assistant"},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"reasoning":"**Checking","reasoning_details":[{"type":"reasoning.summary","summary":"**Checking","id":"rs_00d2","format":"openai-responses-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"reasoning":" weather**","reasoning_details":[{"type":"reasoning.summary","summary":" weather**","id":"rs_00d2","format":"openai-responses-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"reasoning_details":[{"type":"reasoning.encrypted","data":"gAAAAABenc","id":"rs_00d2","format":"openai-responses-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"content":"Sunny."},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":50,"total_tokens":150,"completion_tokens_details":{"reasoning_tokens":35}},"generationId":"gen_01K2","service_tier":"default"}

        data: [DONE]

        """;
    var reasoningData =
        ProviderData.of(
                "vercel",
                object(
                    """
                    {"reasoning_details":[
                      {"type":"reasoning.summary","summary":"**Checking weather**","id":"rs_00d2","format":"openai-responses-v1","index":0},
                      {"type":"reasoning.encrypted","data":"gAAAAABenc","id":"rs_00d2","format":"openai-responses-v1","index":0}]}
                    """))
            .with(
                "openai", object("{\"item_id\":\"rs_00d2\",\"encrypted_content\":\"gAAAAABenc\"}"));
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    var parts =
        StreamCollector.drain(model(transport, "openai/gpt-5").stream(Prompt.user("hi"))).parts;
    assertThat(parts)
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "**Checking"),
            new ReasoningDelta(R0, " weather**"),
            new ReasoningEnd(R0, reasoningData),
            new TextStart(T0, EMPTY),
            new TextDelta(T0, "Sunny."),
            new TextEnd(T0, EMPTY),
            new Finish(
                new Usage(100, 50, 150, 35, 0, 0),
                FinishReason.STOP,
                meta(
                    """
                    {"response_id":"gen_01K2","model":"openai/gpt-5","generation_id":"gen_01K2"}
                    """)));
  }

  @Test
  void gemini3EncryptedReasoningAfterTheToolCallOpensASecondBlockAndRoutingErrorsAreNotErrors() {
    String body =
        """
        data: {"id":"gen_g3","object":"chat.completion.chunk","created":1,"model":"google/gemini-3-pro-preview","choices":[{"index":0,"delta":{"role":"assistant"},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_g3","object":"chat.completion.chunk","created":1,"model":"google/gemini-3-pro-preview","choices":[{"index":0,"delta":{"reasoning":"**Weather lookup**","reasoning_details":[{"type":"reasoning.text","text":"**Weather lookup**","format":"google-gemini-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_g3","object":"chat.completion.chunk","created":1,"model":"google/gemini-3-pro-preview","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_g3","type":"function","function":{"name":"weather","arguments":""}}]},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_g3","object":"chat.completion.chunk","created":1,"model":"google/gemini-3-pro-preview","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\":\\"Florence, Italy\\"}"}}]},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_g3","object":"chat.completion.chunk","created":1,"model":"google/gemini-3-pro-preview","choices":[{"index":0,"delta":{"reasoning_details":[{"type":"reasoning.encrypted","data":"CiQBsig","format":"google-gemini-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

        data: {"id":"gen_g3","object":"chat.completion.chunk","created":1,"model":"google/gemini-3-pro-preview","choices":[{"index":0,"delta":{"provider_metadata":{"google":{},"gateway":{"routing":{"attempts":[{"provider":"vertex","success":false,"error":"Please ensure that the number of function response parts is equal to the number of function call parts","statusCode":400},{"provider":"google","success":true}]}}}},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":80,"completion_tokens":20,"total_tokens":100},"generationId":"gen_g3"}

        data: [DONE]

        """;
    String args = "{\"location\":\"Florence, Italy\"}";
    var transport = new ScriptedTransport().respond(200, "text/event-stream", body);
    var parts =
        StreamCollector.drain(
                model(transport, "google/gemini-3-pro-preview").stream(Prompt.user("hi")))
            .parts;
    assertThat(parts)
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningDelta(R0, "**Weather lookup**"),
            new ReasoningEnd(
                R0,
                ProviderData.of(
                    "vercel",
                    object(
                        """
                        {"reasoning_details":[{"type":"reasoning.text","text":"**Weather lookup**",
                          "format":"google-gemini-v1","index":0}]}
                        """))),
            new ToolInputStart("call_g3", "weather", false, EMPTY),
            new ToolInputDelta("call_g3", args),
            new ReasoningStart(R1, EMPTY),
            new ReasoningEnd(
                R1,
                ProviderData.of(
                        "vercel",
                        object(
                            """
                            {"reasoning_details":[{"type":"reasoning.encrypted","data":"CiQBsig",
                              "format":"google-gemini-v1","index":0}]}
                            """))
                    .with("google", object("{\"signature\":\"CiQBsig\"}"))),
            new ToolInputEnd("call_g3"),
            new ToolCall(ToolCallPart.of("call_g3", "weather", args)),
            new Finish(
                new Usage(80, 20, 100, 0, 0, 0),
                FinishReason.TOOL_CALLS,
                meta(
                    """
                    {"response_id":"gen_g3","model":"google/gemini-3-pro-preview","generation_id":"gen_g3"}
                    """)));
  }

  // --- hostile input ---

  @Test
  void reasoningFieldsOfTheWrongTypeAreIgnored() {
    String body =
        chunk("{\"role\":\"assistant\",\"reasoning\":{\"x\":1}}")
            + chunk("{\"reasoning_details\":\"oops\"}")
            + chunk("{\"reasoning_details\":[1,\"x\",null,true]}")
            + chunk("{\"reasoning\":[\"a\"],\"reasoning_content\":42}")
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
  void entriesOfAnUnknownTypeAreKeptRawUnderTheGatewayKeyAndReplayedAsTheyCame() {
    String mystery =
        """
        {"type":"reasoning.redacted","data":"opaque","format":"anthropic-claude-v2","index":0,"extra":[true,{"n":1}]}""";
    String body =
        chunk("{\"reasoning_details\":[" + mystery + "]}")
            + chunk("{\"content\":\"Hi\"}")
            + FINISH_STOP
            + "data: [DONE]\n\n";
    var transport =
        new ScriptedTransport()
            .respond(200, "text/event-stream", body)
            .respond(200, "application/json", OK);
    var model = model(transport, "anthropic/claude-sonnet-4");
    var turnOne = StreamCollector.drain(model.stream(Prompt.user("hi")));
    assertThat(turnOne.parts)
        .containsExactly(
            new StreamStart(List.of()),
            new ReasoningStart(R0, EMPTY),
            new ReasoningEnd(
                R0, ProviderData.of("vercel", object("{\"reasoning_details\":[" + mystery + "]}"))),
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
    assertThat(json(transport.requests().get(1).bodyText()).path("messages").get(1))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"Hi","reasoning_details":[%s]}
                """
                    .formatted(mystery)));
  }

  @Test
  void nullReasoningFieldsOpenNoReasoningBlock() {
    String body =
        chunk("{\"role\":\"assistant\",\"reasoning\":null,\"reasoning_details\":null}")
            + chunk("{\"content\":\"Hi\",\"reasoning\":null}")
            + chunk("{\"reasoning\":\"\",\"reasoning_details\":[]}")
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
  void aStreamWithoutUsageStillFinishesAtDone() {
    String body = chunk("{\"content\":\"Hi\"}") + FINISH_STOP + "data: [DONE]\n\n";
    assertThat(last(stream(body)))
        .isEqualTo(new Finish(Usage.ZERO, FinishReason.STOP, HOSTILE_META));
  }

  @Test
  void aStreamCutBeforeTheFinishReasonEndsWithAnIncompleteStreamError() {
    String cut = chunk("{\"reasoning\":\"Hmm\"}") + chunk("{\"content\":\"Hel\"}");
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
              e -> assertThat(e.error()).isInstanceOf(IncompleteStreamException.class));
    }
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
                          assertThat(p.providerId()).isEqualTo("vercel");
                          assertThat(p.status()).isZero();
                          assertThat(p.providerMessage()).isEqualTo("Rate limit");
                        }));
  }

  @Test
  void anErrorWithATypeIsTypedAndTransientTypesAreRetryable() {
    var parts =
        stream(
            chunk("{\"content\":\"Hel\"}")
                + "data: {\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
    assertThat(last(parts))
        .isInstanceOfSatisfying(
            Error.class,
            e ->
                assertThat(e.error())
                    .isInstanceOfSatisfying(
                        ProviderException.class,
                        p -> {
                          assertThat(p.errorType()).isEqualTo("overloaded_error");
                          assertThat(p.providerMessage()).isEqualTo("Overloaded");
                          assertThat(p.isRetryable()).isTrue();
                        }));
  }

  @Test
  void aGeneratedAnswerWithReasoningFieldsOfTheWrongTypeIsJustItsText() {
    String body =
        """
        {"id":"gen_w","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hi","reasoning":null,"reasoning_details":[1,"x",null]}}],"generationId":"gen_w"}
        """;
    var transport = new ScriptedTransport().respond(200, "application/json", body);
    var response = model(transport, "anthropic/claude-sonnet-4").generate(Prompt.user("hi"));
    assertThat(response.content()).containsExactly(TextPart.of("Hi"));
    assertThat(response.providerMetadata())
        .isEqualTo(meta("{\"response_id\":\"gen_w\",\"generation_id\":\"gen_w\"}"));
  }
}
