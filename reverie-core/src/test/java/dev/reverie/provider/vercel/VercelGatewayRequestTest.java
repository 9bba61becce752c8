package dev.reverie.provider.vercel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.RetryPolicy;
import dev.reverie.codec.anthropic.AnthropicCaching;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonObject;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.testing.StreamCollector;
import dev.reverie.tool.FunctionToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact request bodies Vercel's AI Gateway receives. */
class VercelGatewayRequestTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String CLAUDE = "anthropic/claude-sonnet-4";
  private static final String SYSTEM = "You are a helpful assistant";
  private static final String QUESTION = "What's the weather in Florence,Italy?";
  private static final String OK =
      """
      {"id":"gen_ok","model":"anthropic/claude-sonnet-4","choices":[{"index":0,"message":{"role":"assistant","content":"Oi!","provider_metadata":{"gateway":{"cost":"0.0001"}}},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5,"cost":0.0001,"market_cost":0.0001},"generationId":"gen_ok"}
      """;
  private static final String OK_STREAM =
      """
      data: {"id":"gen_s","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"role":"assistant"},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_s","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"content":"Oi"},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_s","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"system_fingerprint":"fp_1","usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5},"generationId":"gen_s"}

      data: [DONE]

      """;
  private static final String WEATHER_TOOL_JSON =
      """
      {"type":"function","function":{"name":"weather","description":"Get weather information for a location","parameters":{"type":"object","properties":{"location":{"type":"string","description":"the city"}},"required":["location"]},"strict":false}}
      """;

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonObject object(String text) {
    return Json.value((ObjectNode) json(text));
  }

  static FunctionToolSpec weatherTool() {
    return FunctionToolSpec.of(
        "weather",
        "Get weather information for a location",
        object(
            """
            {"type":"object","properties":{"location":{"type":"string","description":"the city"}},"required":["location"]}
            """));
  }

  static LanguageModel model(ScriptedTransport transport, String modelId) {
    return VercelGateway.builder()
        .apiKey("vgw-test-key")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build()
        .languageModel(modelId);
  }

  static JsonNode body(ScriptedTransport transport, int index) {
    return json(transport.requests().get(index).bodyText());
  }

  private static JsonNode sendGenerate(String modelId, Call call) {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    model(transport, modelId).generate(call);
    assertThat(transport.requests()).hasSize(1);
    return body(transport, 0);
  }

  // --- (a) simple, (b) streaming ---

  @Test
  void aSimpleCallHasNoUsageKeyAndGoesToTheGateway() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    Response response =
        model(transport, CLAUDE)
            .generate(
                Call.builder(Prompt.of(SYSTEM, "Say hi in Portuguese"))
                    .maxOutputTokens(4000)
                    .build());
    assertThat(response.text()).isEqualTo("Oi!");
    assertThat(response.providerMetadata())
        .isEqualTo(
            ProviderData.of(
                "vercel",
                object(
                    """
                    {"response_id":"gen_ok","model":"anthropic/claude-sonnet-4",
                     "generation_id":"gen_ok","cost":0.0001,"market_cost":0.0001}
                    """)));
    var request = transport.requests().get(0);
    assertThat(request.uri().toString())
        .isEqualTo("https://ai-gateway.vercel.sh/v1/chat/completions");
    assertThat(request.headers().first("Authorization")).contains("Bearer vgw-test-key");
    assertThat(body(transport, 0))
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                             {"role":"user","content":"Say hi in Portuguese"}],
                 "model":"anthropic/claude-sonnet-4","max_tokens":4000}
                """));
  }

  @Test
  void aStreamingCallAddsStreamAndStreamOptionsOnly() {
    var transport = new ScriptedTransport().respond(200, "text/event-stream", OK_STREAM);
    var collected =
        StreamCollector.drain(
            model(transport, "openai/gpt-5").stream(
                Call.builder(Prompt.of(SYSTEM, QUESTION))
                    .maxOutputTokens(4000)
                    .tools(List.of(weatherTool()))
                    .build()));
    assertThat(collected.text()).isEqualTo("Oi");
    assertThat(body(transport, 0))
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                             {"role":"user","content":"What's the weather in Florence,Italy?"}],
                 "model":"openai/gpt-5","max_completion_tokens":4000,
                 "tools":[%s],"tool_choice":"auto",
                 "stream":true,"stream_options":{"include_usage":true}}
                """
                    .formatted(WEATHER_TOOL_JSON)));
  }

  // --- (c) options ---

  @Test
  void reasoningSwitchedOnAsRecordedInTheThinkingSuite() {
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.user("hi"))
                .providerOptions(
                    VercelGatewayOptions.builder()
                        .reasoning(VercelGatewayOptions.Reasoning.switchedOn())
                        .build()
                        .providerData())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"anthropic/claude-sonnet-4",
                 "reasoning":{"enabled":true}}
                """));
  }

  @Test
  void gatewayOrderAndModelsGoUnderProviderOptionsAndModelsAlsoAtTheTopLevel() {
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.user("hi"))
                .providerOptions(
                    VercelGatewayOptions.builder()
                        .order(List.of("bedrock", "anthropic"))
                        .models(List.of("openai/gpt-5", "google/gemini-3-pro-preview"))
                        .build()
                        .providerData())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"anthropic/claude-sonnet-4",
                 "providerOptions":{"gateway":{"order":["bedrock","anthropic"],
                   "models":["openai/gpt-5","google/gemini-3-pro-preview"]}},
                 "models":["openai/gpt-5","google/gemini-3-pro-preview"]}
                """));
  }

  @Test
  void everyTypedOptionReachesTheWire() {
    var options =
        VercelGatewayOptions.builder()
            .reasoning(new VercelGatewayOptions.Reasoning(null, "high", 1024, false))
            .order(List.of("anthropic"))
            .zeroDataRetention(true)
            .byok(object("{\"anthropic\":[{\"apiKey\":\"sk-ant-byok\"}]}"))
            .user("user-7")
            .parallelToolCalls(true)
            .logprobs(true)
            .topLogprobs(2)
            .extraBody(object("{\"custom\":{\"a\":1},\"max_tokens\":99}"))
            .build();
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.user("hi"))
                .maxOutputTokens(4000)
                .providerOptions(options.providerData())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"anthropic/claude-sonnet-4",
                 "max_tokens":99,
                 "reasoning":{"effort":"high","max_tokens":1024,"exclude":false},
                 "providerOptions":{"gateway":{"order":["anthropic"],"zeroDataRetention":true,
                   "byok":{"anthropic":[{"apiKey":"sk-ant-byok"}]}}},
                 "user":"user-7","parallel_tool_calls":true,"logprobs":true,"top_logprobs":2,
                 "custom":{"a":1}}
                """));
  }

  @Test
  void optionsNeverPrintTheirByokKeys() {
    var options =
        VercelGatewayOptions.builder()
            .byok(object("{\"anthropic\":[{\"apiKey\":\"sk-ant-byok-secret\"}]}"))
            .build();
    assertThat(options.toString()).doesNotContain("sk-ant-byok-secret").contains("redacted");
  }

  @Test
  void anUnknownReasoningEffortIsAClearErrorAndNothingIsSent() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var call =
        Call.builder(Prompt.user("hi"))
            .providerOptions(
                VercelGatewayOptions.builder()
                    .reasoning(new VercelGatewayOptions.Reasoning(true, "extreme", null, null))
                    .build()
                    .providerData())
            .build();
    assertThatThrownBy(() -> model(transport, CLAUDE).generate(call))
        .isInstanceOf(ReverieException.class)
        .hasMessageStartingWith("vercel: unknown reasoning effort 'extreme'");
    assertThatThrownBy(() -> model(transport, CLAUDE).stream(call))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("'extreme'");
    var notAnObject =
        Call.builder(Prompt.user("hi"))
            .providerOptions(ProviderData.of("vercel", object("{\"reasoning\":true}")))
            .build();
    assertThatThrownBy(() -> model(transport, CLAUDE).generate(notAnObject))
        .isInstanceOf(ReverieException.class)
        .hasMessage("vercel: the reasoning option must be an object");
    var badExtra =
        Call.builder(Prompt.user("hi"))
            .providerOptions(ProviderData.of("vercel", object("{\"extra_body\":7}")))
            .build();
    assertThatThrownBy(() -> model(transport, CLAUDE).generate(badExtra))
        .isInstanceOf(ReverieException.class)
        .hasMessage("vercel: the extra_body option must be a JSON object");
    assertThat(transport.requests()).isEmpty();
  }

  // --- (d) reasoning replay ---

  private static final String CLAUDE_THINKING_STREAM =
      """
      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"role":"assistant"},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":"I need","reasoning_details":[{"type":"reasoning.text","text":"I need","signature":"","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":" the weather.","reasoning_details":[{"type":"reasoning.text","text":" the weather.","signature":"","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":"","reasoning_details":[{"type":"reasoning.text","text":"","signature":"","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"reasoning":"","reasoning_details":[{"type":"reasoning.text","text":"","signature":"VercelSig","format":"anthropic-claude-v1","index":0}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"content":"I'll get the current weather."},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"toolu_v1","type":"function","function":{"name":"weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}]},"logprobs":null,"finish_reason":null}],"system_fingerprint":"fp_1"}

      data: {"id":"gen_01K1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-sonnet-4","choices":[{"index":0,"delta":{"provider_metadata":{"anthropic":{"cacheCreationInputTokens":0},"gateway":{"cost":"0.0021"}}},"logprobs":null,"finish_reason":"tool_calls"}],"system_fingerprint":"fp_1","usage":{"prompt_tokens":400,"completion_tokens":90,"total_tokens":490},"generationId":"gen_01K1"}

      data: [DONE]

      """;

  private static final String GPT5_THINKING_STREAM =
      """
      data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"role":"assistant"},"logprobs":null,"finish_reason":null}]}

      data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"reasoning":"**Checking","reasoning_details":[{"type":"reasoning.summary","summary":"**Checking","id":"rs_00d2","format":"openai-responses-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

      data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"reasoning":" weather**","reasoning_details":[{"type":"reasoning.summary","summary":" weather**","id":"rs_00d2","format":"openai-responses-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

      data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"reasoning_details":[{"type":"reasoning.encrypted","data":"gAAAAABenc","id":"rs_00d2","format":"openai-responses-v1","index":0}]},"logprobs":null,"finish_reason":null}]}

      data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_g5","type":"function","function":{"name":"weather","arguments":"{\\"location\\":\\"Florence, Italy\\"}"}}]},"logprobs":null,"finish_reason":null}]}

      data: {"id":"gen_01K2","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":100,"completion_tokens":50,"total_tokens":150},"generationId":"gen_01K2"}

      data: [DONE]

      """;

  private static Call firstTurn() {
    return Call.builder(Prompt.of(SYSTEM, QUESTION)).tools(List.of(weatherTool())).build();
  }

  private static Call secondTurn(List<Part> assistantParts, String toolCallId) {
    return Call.builder(
            Prompt.of(
                Message.system(SYSTEM),
                Message.user(QUESTION),
                Message.assistant(assistantParts),
                Message.tool(
                    List.of(ToolResultPart.of(toolCallId, "weather", ToolOutput.text("40 C"))))))
        .tools(List.of(weatherTool()))
        .build();
  }

  private static JsonNode replayViaStream(String modelId, String stream, String toolCallId) {
    var transport =
        new ScriptedTransport()
            .respond(200, "text/event-stream", stream)
            .respond(200, "application/json", OK);
    var model = model(transport, modelId);
    var turnOne = StreamCollector.drain(model.stream(firstTurn()));
    assertThat(turnOne.error).isNull();
    model.generate(secondTurn(turnOne.assistantParts(), toolCallId));
    return body(transport, 1);
  }

  @Test
  void streamedClaudeReasoningIsReplayedWithTheLastSignatureAndTheJoinedText() {
    JsonNode body = replayViaStream(CLAUDE, CLAUDE_THINKING_STREAM, "toolu_v1");
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                 {"role":"user","content":"What's the weather in Florence,Italy?"},
                 {"role":"assistant","content":"I'll get the current weather.",
                  "tool_calls":[{"id":"toolu_v1","type":"function",
                    "function":{"name":"weather","arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}],
                  "reasoning_details":[{"format":"anthropic-claude-v1","index":0,"signature":"VercelSig",
                    "text":"I need the weather.","type":"reasoning.text"}],
                  "reasoning":"I need the weather."},
                 {"role":"tool","tool_call_id":"toolu_v1","content":"40 C"}],
                 "model":"anthropic/claude-sonnet-4","tools":[%s],"tool_choice":"auto"}
                """
                    .formatted(WEATHER_TOOL_JSON)));
  }

  @Test
  void streamedGpt5SummaryAndEncryptedReasoningAreReplayedWithoutIdOnTheSummaryAndNoReasoning() {
    JsonNode body = replayViaStream("openai/gpt-5", GPT5_THINKING_STREAM, "call_g5");
    assertThat(body.path("messages").get(2))
        .isEqualTo(
            json(
                """
                {"role":"assistant",
                 "tool_calls":[{"id":"call_g5","type":"function",
                   "function":{"name":"weather","arguments":"{\\"location\\":\\"Florence, Italy\\"}"}}],
                 "reasoning_details":[
                   {"format":"openai-responses-v1","index":0,"summary":"**Checking weather**","type":"reasoning.summary"},
                   {"data":"gAAAAABenc","format":"openai-responses-v1","id":"rs_00d2","index":0,"type":"reasoning.encrypted"}]}
                """));
  }

  @Test
  void generatedGpt5ReasoningIsReplayedTheSameWay() {
    String response =
        """
        {"id":"gen_n","model":"openai/gpt-5","choices":[{"index":0,"finish_reason":"tool_calls",
          "message":{"role":"assistant","content":null,"reasoning":"Sum.",
            "reasoning_details":[{"type":"reasoning.summary","summary":"Sum.","id":"rs_9","format":"openai-responses-v1","index":0},
                                 {"type":"reasoning.encrypted","data":"gAAA9","id":"rs_9","format":"openai-responses-v1","index":0}],
            "tool_calls":[{"id":"call_n","type":"function","function":{"name":"weather","arguments":"{}"}}],
            "provider_metadata":{"openai":{}}}}],
         "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15},"generationId":"gen_n","service_tier":"default"}
        """;
    var transport =
        new ScriptedTransport()
            .respond(200, "application/json", response)
            .respond(200, "application/json", OK);
    var model = model(transport, "openai/gpt-5");
    Response turnOne = model.generate(firstTurn());
    var data =
        ProviderData.of(
                "vercel",
                object(
                    """
                    {"reasoning_details":[
                      {"type":"reasoning.summary","summary":"Sum.","id":"rs_9","format":"openai-responses-v1","index":0},
                      {"type":"reasoning.encrypted","data":"gAAA9","id":"rs_9","format":"openai-responses-v1","index":0}]}
                    """))
            .with("openai", object("{\"item_id\":\"rs_9\",\"encrypted_content\":\"gAAA9\"}"));
    assertThat(turnOne.content())
        .containsExactly(
            new ReasoningPart("Sum.", data), ToolCallPart.of("call_n", "weather", "{}"));

    model.generate(secondTurn(turnOne.content(), "call_n"));
    assertThat(body(transport, 1).path("messages").get(2).path("reasoning_details"))
        .isEqualTo(
            json(
                """
                [{"format":"openai-responses-v1","index":0,"summary":"Sum.","type":"reasoning.summary"},
                 {"data":"gAAA9","format":"openai-responses-v1","id":"rs_9","index":0,"type":"reasoning.encrypted"}]
                """));
    assertThat(body(transport, 1).path("messages").get(2).has("reasoning")).isFalse();
  }

  private static JsonNode assistantWireFor(String modelId, ReasoningPart reasoning) {
    JsonNode body =
        sendGenerate(
            modelId,
            Call.of(
                Prompt.of(
                    Message.user("q"),
                    Message.assistant(List.of(reasoning, TextPart.of("A."))),
                    Message.user("more"))));
    return body.path("messages").get(1);
  }

  @Test
  void anthropicSignedReasoningFromElsewhereIsConvertedForAnAnthropicModel() {
    var reasoning =
        new ReasoningPart(
            "Let me think.", ProviderData.of("anthropic", object("{\"signature\":\"AnthSig\"}")));
    assertThat(assistantWireFor(CLAUDE, reasoning))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.",
                 "reasoning_details":[{"type":"reasoning.text","text":"Let me think.",
                   "signature":"AnthSig","format":"anthropic-claude-v1","index":0}],
                 "reasoning":"Let me think."}
                """));
  }

  @Test
  void openAiEncryptedReasoningFromElsewhereIsConvertedForAnOpenAiModel() {
    var reasoning =
        new ReasoningPart(
            "",
            ProviderData.of(
                "openai", object("{\"item_id\":\"rs_1\",\"encrypted_content\":\"gAAAA\"}")));
    assertThat(assistantWireFor("openai/gpt-5", reasoning))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.",
                 "reasoning_details":[{"type":"reasoning.encrypted","data":"gAAAA","id":"rs_1",
                   "format":"openai-responses-v1","index":0}]}
                """));
  }

  @Test
  void reasoningReadByOpenRouterIsNotReplayedRawToVercelButConverted() {
    // Entries kept under another gateway's key are that gateway's; Vercel converts by family.
    var reasoning =
        new ReasoningPart(
            "Thought.",
            ProviderData.of(
                    "openrouter",
                    object(
                        """
                        {"reasoning_details":[{"type":"reasoning.text","text":"Thought.",
                          "signature":"S1","format":"anthropic-claude-v1","index":0}]}
                        """))
                .with("anthropic", object("{\"signature\":\"S1\"}")));
    assertThat(assistantWireFor(CLAUDE, reasoning))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.",
                 "reasoning_details":[{"type":"reasoning.text","text":"Thought.",
                   "signature":"S1","format":"anthropic-claude-v1","index":0}],
                 "reasoning":"Thought."}
                """));
  }

  // --- (e) cache control passthrough ---

  @Test
  void cacheMarkersGoOnSystemUserAndTheLastToolCallButNeverOnToolMessages() {
    String args = "{\"a\": 2, \"b\": 3}";
    var messages =
        List.of(
            Message.system(SYSTEM).withProviderData(AnthropicCaching.ephemeral()),
            Message.user("Add and multiply 2 and 3").withProviderData(AnthropicCaching.ephemeral()),
            Message.assistant(
                    List.of(
                        ToolCallPart.of("toolu_1", "add", args),
                        ToolCallPart.of("toolu_2", "multiply", args)))
                .withProviderData(AnthropicCaching.ephemeral()),
            Message.tool(
                    List.of(
                        ToolResultPart.of("toolu_1", "add", ToolOutput.text("5")),
                        ToolResultPart.of("toolu_2", "multiply", ToolOutput.text("6"))))
                .withProviderData(AnthropicCaching.ephemeral()));
    JsonNode body = sendGenerate(CLAUDE, Call.of(Prompt.of(messages)));
    assertThat(body.path("messages"))
        .isEqualTo(
            json(
                """
                [{"role":"system","content":"You are a helpful assistant","cache_control":{"type":"ephemeral"}},
                 {"role":"user","content":"Add and multiply 2 and 3","cache_control":{"type":"ephemeral"}},
                 {"role":"assistant","tool_calls":[
                    {"id":"toolu_1","type":"function","function":{"name":"add","arguments":"{\\"a\\": 2, \\"b\\": 3}"}},
                    {"id":"toolu_2","type":"function","function":{"name":"multiply","arguments":"{\\"a\\": 2, \\"b\\": 3}"},
                     "cache_control":{"type":"ephemeral"}}]},
                 {"role":"tool","tool_call_id":"toolu_1","content":"5"},
                 {"role":"tool","tool_call_id":"toolu_2","content":"6"}]
                """));
  }

  @Test
  void aSingleToolCallCarriesTheMarkerAndTheReasoningStaysOnTheMessage() {
    var assistant =
        Message.assistant(
                List.of(
                    new ReasoningPart(
                        "Hmm.", ProviderData.of("anthropic", object("{\"signature\":\"S\"}"))),
                    ToolCallPart.of("toolu_1", "weather", "{}")))
            .withProviderData(AnthropicCaching.ephemeral());
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.of(
                Prompt.of(
                    Message.user(QUESTION),
                    assistant,
                    Message.tool(
                        List.of(
                            ToolResultPart.of("toolu_1", "weather", ToolOutput.text("40 C")))))));
    assertThat(body.path("messages").get(1))
        .isEqualTo(
            json(
                """
                {"role":"assistant",
                 "tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"weather","arguments":"{}"},
                   "cache_control":{"type":"ephemeral"}}],
                 "reasoning_details":[{"type":"reasoning.text","text":"Hmm.","signature":"S",
                   "format":"anthropic-claude-v1","index":0}],
                 "reasoning":"Hmm."}
                """));
  }
}
