package dev.reverie.provider.openrouter;

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
import dev.reverie.message.FilePart;
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

/** The exact request bodies OpenRouter receives. */
class OpenRouterRequestTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String CLAUDE = "anthropic/claude-haiku-4.5";
  private static final String SYSTEM = "You are a helpful assistant";
  private static final String QUESTION = "What's the weather in Florence,Italy?";
  private static final String OK =
      """
      {"id":"gen-ok","provider":"Amazon Bedrock","model":"anthropic/claude-4.5-haiku-20251001","choices":[{"index":0,"logprobs":null,"finish_reason":"stop","native_finish_reason":"end_turn","message":{"role":"assistant","content":"Oi!","refusal":null,"reasoning":null}}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5,"cost":0.00001}}
      """;
  private static final String OK_STREAM =
      """
      : OPENROUTER PROCESSING

      data: {"id":"gen-s","provider":"OpenAI","model":"openai/gpt-5.4-nano","choices":[{"index":0,"delta":{"content":"Oi","role":"assistant"},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-s","provider":"OpenAI","model":"openai/gpt-5.4-nano","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"stop","native_finish_reason":"completed"}]}

      data: [DONE]

      """;
  private static final String WEATHER_TOOL_JSON =
      """
      {"type":"function","function":{"name":"weather","description":"Get weather information for a location","parameters":{"type":"object","properties":{"location":{"type":"string","description":"the city"}},"required":["location"]},"strict":false}}
      """;
  private static final String ADD_MULTIPLY_TOOLS_JSON =
      """
      {"type":"function","function":{"name":"add","description":"Add two numbers","parameters":{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["a","b"]},"strict":false}},
      {"type":"function","function":{"name":"multiply","description":"Multiply two numbers","parameters":{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["a","b"]},"strict":false}}
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

  static List<FunctionToolSpec> addMultiplyTools() {
    JsonObject schema =
        object(
            """
            {"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["a","b"]}
            """);
    return List.of(
        FunctionToolSpec.of("add", "Add two numbers", schema),
        FunctionToolSpec.of("multiply", "Multiply two numbers", schema));
  }

  static OpenRouter provider(ScriptedTransport transport) {
    return OpenRouter.builder()
        .apiKey("or-test-key")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  static LanguageModel model(ScriptedTransport transport, String modelId) {
    return provider(transport).languageModel(modelId);
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
  void aSimpleCallAsksForUsageAccountingAndGoesToOpenRouter() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var provider =
        OpenRouter.builder()
            .apiKey("or-test-key")
            .appUrl("https://example.dev")
            .appTitle("Reverie tests")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build();
    Response response =
        provider
            .languageModel(CLAUDE)
            .generate(
                Call.builder(Prompt.of(SYSTEM, "Say hi in Portuguese"))
                    .maxOutputTokens(4000)
                    .build());

    assertThat(response.text()).isEqualTo("Oi!");
    var request = transport.requests().get(0);
    assertThat(request.uri().toString()).isEqualTo("https://openrouter.ai/api/v1/chat/completions");
    assertThat(request.headers().first("Authorization")).contains("Bearer or-test-key");
    assertThat(request.headers().first("HTTP-Referer")).contains("https://example.dev");
    assertThat(request.headers().first("X-Title")).contains("Reverie tests");
    assertThat(body(transport, 0))
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                             {"role":"user","content":"Say hi in Portuguese"}],
                 "model":"anthropic/claude-haiku-4.5","max_tokens":4000,"usage":{"include":true}}
                """));
  }

  @Test
  void openAiReasoningModelsTakeMaxCompletionTokens() {
    JsonNode body =
        sendGenerate(
            "openai/gpt-5.4-nano", Call.builder(Prompt.user("hi")).maxOutputTokens(4000).build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"openai/gpt-5.4-nano",
                 "max_completion_tokens":4000,"usage":{"include":true}}
                """));
  }

  @Test
  void aStreamingCallAddsStreamAndStreamOptionsAndKeepsUsageAccounting() {
    var transport = new ScriptedTransport().respond(200, "text/event-stream", OK_STREAM);
    var collected =
        StreamCollector.drain(
            model(transport, "openai/gpt-5.4-nano").stream(
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
                 "model":"openai/gpt-5.4-nano","max_completion_tokens":4000,
                 "tools":[%s],"tool_choice":"auto","usage":{"include":true},
                 "stream":true,"stream_options":{"include_usage":true}}
                """
                    .formatted(WEATHER_TOOL_JSON)));
  }

  // --- (c) options ---

  @Test
  void reasoningEffortAsRecordedInTheThinkingSuite() {
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.user("hi"))
                .providerOptions(
                    OpenRouterOptions.builder().reasoningEffort("medium").build().providerData())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"anthropic/claude-haiku-4.5",
                 "usage":{"include":true},"reasoning":{"effort":"medium"}}
                """));
  }

  @Test
  void includeUsageFalseDropsUsageAccounting() {
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.user("hi"))
                .providerOptions(
                    OpenRouterOptions.builder().includeUsage(false).build().providerData())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"anthropic/claude-haiku-4.5"}
                """));
  }

  @Test
  void everyTypedOptionReachesTheWireWithOpenRoutersNames() {
    var options =
        OpenRouterOptions.builder()
            .reasoning(new OpenRouterOptions.Reasoning(null, 2000, null, true))
            .provider(
                new OpenRouterOptions.ProviderRouting(
                    List.of("anthropic", "amazon-bedrock"),
                    false,
                    true,
                    "deny",
                    null,
                    List.of("azure"),
                    List.of("fp8"),
                    "price"))
            .models(List.of("anthropic/claude-sonnet-4", "openai/gpt-5"))
            .user("user-42")
            .parallelToolCalls(false)
            .logprobs(true)
            .topLogprobs(3)
            .extraBody(object("{\"transforms\":[\"middle-out\"],\"max_tokens\":77}"))
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
                {"messages":[{"role":"user","content":"hi"}],"model":"anthropic/claude-haiku-4.5",
                 "max_tokens":77,"usage":{"include":true},
                 "reasoning":{"max_tokens":2000,"exclude":true},
                 "provider":{"order":["anthropic","amazon-bedrock"],"allow_fallbacks":false,
                   "require_parameters":true,"data_collection":"deny","ignore":["azure"],
                   "quantizations":["fp8"],"sort":"price"},
                 "models":["anthropic/claude-sonnet-4","openai/gpt-5"],
                 "user":"user-42","parallel_tool_calls":false,"logprobs":true,"top_logprobs":3,
                 "transforms":["middle-out"]}
                """));
  }

  @Test
  void providerRoutingWithOrderAndNoFallbacks() {
    var routing =
        new OpenRouterOptions.ProviderRouting(
            List.of("anthropic", "amazon-bedrock"), false, null, null, null, null, null, null);
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.user("hi"))
                .providerOptions(
                    OpenRouterOptions.builder().provider(routing).build().providerData())
                .build());
    assertThat(body.path("provider"))
        .isEqualTo(
            json("{\"order\":[\"anthropic\",\"amazon-bedrock\"],\"allow_fallbacks\":false}"));
    assertThat(body.path("usage")).isEqualTo(json("{\"include\":true}"));
  }

  @Test
  void anUnknownReasoningEffortIsAClearErrorAndNothingIsSent() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var call =
        Call.builder(Prompt.user("hi"))
            .providerOptions(
                OpenRouterOptions.builder().reasoningEffort("extreme").build().providerData())
            .build();
    assertThatThrownBy(() -> model(transport, CLAUDE).generate(call))
        .isInstanceOf(ReverieException.class)
        .hasMessageStartingWith("openrouter: unknown reasoning effort 'extreme'")
        .hasMessageContaining("medium");
    assertThatThrownBy(() -> model(transport, CLAUDE).stream(call))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("'extreme'");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void malformedRawOptionsAreClearErrors() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var notAnObject =
        Call.builder(Prompt.user("hi"))
            .providerOptions(ProviderData.of("openrouter", object("{\"reasoning\":\"high\"}")))
            .build();
    assertThatThrownBy(() -> model(transport, CLAUDE).generate(notAnObject))
        .isInstanceOf(ReverieException.class)
        .hasMessage("openrouter: the reasoning option must be an object");
    var badExtra =
        Call.builder(Prompt.user("hi"))
            .providerOptions(ProviderData.of("openrouter", object("{\"extra_body\":\"x\"}")))
            .build();
    assertThatThrownBy(() -> model(transport, CLAUDE).generate(badExtra))
        .isInstanceOf(ReverieException.class)
        .hasMessage("openrouter: the extra_body option must be a JSON object");
    assertThat(transport.requests()).isEmpty();
  }

  // --- (d) reasoning replay ---

  private static final String ANTHROPIC_THINKING_STREAM =
      """
      : OPENROUTER PROCESSING

      data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":"The user asks","reasoning_details":[{"type":"reasoning.text","text":"The user asks","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":" about Florence.","reasoning_details":[{"type":"reasoning.text","text":" about Florence.","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning_details":[{"type":"reasoning.text","signature":"EqSig","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"id":"toolu_bdrk_01","type":"function","function":{"name":"weather","arguments":""}}]},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}]},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":null},"finish_reason":"tool_calls","native_finish_reason":"tool_use"}]}

      data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"tool_calls","native_finish_reason":"tool_use"}],"usage":{"prompt_tokens":560,"completion_tokens":120,"total_tokens":680,"cost":0.00116}}

      data: [DONE]

      """;

  private static final String GEMINI_COMMON_STREAM =
      """
      data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":null,"reasoning_details":[{"type":"reasoning.encrypted","data":"EjQKMgEMOdbH","format":"google-gemini-v1","id":"tool_weather_jKPaCgS4","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"id":"tool_weather_jKPaCgS4","type":"function","function":{"name":"weather","arguments":"{\\"location\\":\\"Florence, Italy\\"}"}}]},"finish_reason":null,"native_finish_reason":null}]}

      data: {"id":"gen-g","object":"chat.completion.chunk","created":1,"model":"google/gemini-3.1-flash-lite-preview-20260303","provider":"Google AI Studio","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"tool_calls","native_finish_reason":"STOP"}]}

      data: [DONE]

      """;

  private static Call firstTurn(String system) {
    return Call.builder(Prompt.of(system, QUESTION)).tools(List.of(weatherTool())).build();
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
    var turnOne = StreamCollector.drain(model.stream(firstTurn(SYSTEM)));
    assertThat(turnOne.error).isNull();
    model.generate(secondTurn(turnOne.assistantParts(), toolCallId));
    return body(transport, 1);
  }

  @Test
  void streamedAnthropicReasoningIsReplayedAsReasoningDetailsAndReasoning() {
    JsonNode body = replayViaStream(CLAUDE, ANTHROPIC_THINKING_STREAM, "toolu_bdrk_01");
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                 {"role":"user","content":"What's the weather in Florence,Italy?"},
                 {"role":"assistant",
                  "tool_calls":[{"id":"toolu_bdrk_01","type":"function",
                    "function":{"name":"weather","arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}],
                  "reasoning_details":[{"type":"reasoning.text","text":"The user asks about Florence.",
                    "signature":"EqSig","format":"anthropic-claude-v1","index":0}],
                  "reasoning":"The user asks about Florence."},
                 {"role":"tool","tool_call_id":"toolu_bdrk_01","content":"40 C"}],
                 "model":"anthropic/claude-haiku-4.5","tools":[%s],"tool_choice":"auto",
                 "usage":{"include":true}}
                """
                    .formatted(WEATHER_TOOL_JSON)));
  }

  @Test
  void aStreamedGeminiThoughtSignatureIsReplayedWithItsToolIdAndNoReasoningText() {
    JsonNode body =
        replayViaStream(
            "google/gemini-3.1-flash-lite-preview", GEMINI_COMMON_STREAM, "tool_weather_jKPaCgS4");
    assertThat(body.path("messages").get(2))
        .isEqualTo(
            json(
                """
                {"role":"assistant",
                 "tool_calls":[{"id":"tool_weather_jKPaCgS4","type":"function",
                   "function":{"name":"weather","arguments":"{\\"location\\":\\"Florence, Italy\\"}"}}],
                 "reasoning_details":[{"data":"EjQKMgEMOdbH","format":"google-gemini-v1",
                   "id":"tool_weather_jKPaCgS4","index":0,"type":"reasoning.encrypted"}]}
                """));
  }

  @Test
  void generatedAnthropicReasoningIsReplayedTheSameWay() {
    String response =
        """
        {"id":"gen-n","provider":"Amazon Bedrock","model":"anthropic/claude-4.5-haiku-20251001","object":"chat.completion","created":1,
         "choices":[{"logprobs":null,"finish_reason":"tool_calls","native_finish_reason":"tool_use","index":0,
           "message":{"role":"assistant","content":null,"refusal":null,"reasoning":"I should call weather.",
             "tool_calls":[{"type":"function","index":0,"id":"toolu_n1","function":{"name":"weather","arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}],
             "reasoning_details":[{"type":"reasoning.text","text":"I should call weather.","format":"anthropic-claude-v1","index":0,"signature":"SigN"}]}}],
         "system_fingerprint":null,
         "usage":{"prompt_tokens":500,"completion_tokens":80,"total_tokens":580,"cost":0.0009,"is_byok":false,
           "prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"completion_tokens_details":{"reasoning_tokens":20}}}
        """;
    var transport =
        new ScriptedTransport()
            .respond(200, "application/json", response)
            .respond(200, "application/json", OK);
    var model = model(transport, CLAUDE);
    Response turnOne = model.generate(firstTurn(SYSTEM));

    var data =
        ProviderData.of(
                "openrouter",
                object(
                    """
                    {"reasoning_details":[{"type":"reasoning.text","text":"I should call weather.",
                      "format":"anthropic-claude-v1","index":0,"signature":"SigN"}]}
                    """))
            .with("anthropic", object("{\"signature\":\"SigN\"}"));
    assertThat(turnOne.content())
        .containsExactly(
            new ReasoningPart("I should call weather.", data),
            ToolCallPart.of("toolu_n1", "weather", "{\"location\": \"Florence, Italy\"}"));
    assertThat(turnOne.providerMetadata())
        .isEqualTo(
            ProviderData.of(
                "openrouter",
                object(
                    """
                    {"response_id":"gen-n","model":"anthropic/claude-4.5-haiku-20251001",
                     "provider":"Amazon Bedrock","native_finish_reason":"tool_use",
                     "cost":0.0009,"is_byok":false}
                    """)));

    model.generate(secondTurn(turnOne.content(), "toolu_n1"));
    assertThat(body(transport, 1).path("messages").get(2))
        .isEqualTo(
            json(
                """
                {"role":"assistant",
                 "tool_calls":[{"id":"toolu_n1","type":"function",
                   "function":{"name":"weather","arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}],
                 "reasoning_details":[{"format":"anthropic-claude-v1","index":0,"signature":"SigN",
                   "text":"I should call weather.","type":"reasoning.text"}],
                 "reasoning":"I should call weather."}
                """));
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
    assertThat(assistantWireFor("anthropic/claude-sonnet-4", reasoning))
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
  void unsignedReasoningForAnAnthropicModelIsSentWithoutASignature() {
    assertThat(assistantWireFor("anthropic/claude-sonnet-4", ReasoningPart.of("Hmm.")))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.",
                 "reasoning_details":[{"type":"reasoning.text","text":"Hmm.",
                   "format":"anthropic-claude-v1","index":0}],
                 "reasoning":"Hmm."}
                """));
  }

  @Test
  void openAiEncryptedReasoningIsConvertedForAnOpenAiModel() {
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

  /** xAI's Responses-style reasoning, under either gateway's spelling of the family. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"x-ai/grok-4", "xai/grok-4"})
  void xAiReasoningIsConvertedInItsOwnFormat(String model) {
    var reasoning =
        new ReasoningPart(
            "Sum.",
            ProviderData.of(
                "openai", object("{\"item_id\":\"rs_2\",\"encrypted_content\":\"xAAAA\"}")));
    assertThat(assistantWireFor(model, reasoning))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.",
                 "reasoning_details":[
                   {"type":"reasoning.summary","summary":"Sum.","format":"xai-responses-v1","index":0},
                   {"type":"reasoning.encrypted","data":"xAAAA","id":"rs_2",
                    "format":"xai-responses-v1","index":0}]}
                """));
  }

  @Test
  void aGeminiThoughtSignatureIsConvertedForAGoogleModel() {
    var reasoning =
        new ReasoningPart(
            "", ProviderData.of("google", object("{\"signature\":\"Sig\",\"tool_id\":\"t1\"}")));
    assertThat(assistantWireFor("google/gemini-3-pro-preview", reasoning))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.",
                 "reasoning_details":[{"type":"reasoning.encrypted","data":"Sig","id":"t1",
                   "format":"google-gemini-v1","index":0}]}
                """));
  }

  @Test
  void plainReasoningForAnotherFamilyIsSentAsUnknownFormatText() {
    assertThat(assistantWireFor("meta-llama/llama-4", ReasoningPart.of("Thinking.")))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.",
                 "reasoning_details":[{"type":"reasoning.text","text":"Thinking.",
                   "format":"unknown","index":0}],
                 "reasoning":"Thinking."}
                """));
  }

  @Test
  void anAssistantMessageWithoutReasoningHasNoReasoningFields() {
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.of(Prompt.of(Message.user("q"), Message.assistant("A."), Message.user("more"))));
    assertThat(body.path("messages").get(1))
        .isEqualTo(json("{\"role\":\"assistant\",\"content\":\"A.\"}"));
  }

  // --- (e) cache control passthrough ---

  @Test
  void cacheMarkersOnSystemAndUserGoOnTheMessagesAsRecorded() {
    var messages =
        AnthropicCaching.markLastMessages(List.of(Message.system(SYSTEM), Message.user(QUESTION)));
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.of(messages))
                .maxOutputTokens(4000)
                .tools(addMultiplyTools())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[
                  {"content":"You are a helpful assistant","role":"system","cache_control":{"type":"ephemeral"}},
                  {"content":"What's the weather in Florence,Italy?","role":"user","cache_control":{"type":"ephemeral"}}],
                 "model":"anthropic/claude-haiku-4.5","max_tokens":4000,
                 "tools":[%s],"tool_choice":"auto","usage":{"include":true}}
                """
                    .formatted(ADD_MULTIPLY_TOOLS_JSON)));
  }

  @Test
  void onTurnTwoTheMarkerGoesOnTheLastToolCallOnlyAndNeverOnToolMessages() {
    String args = "{\"a\": 2, \"b\": 3}";
    var messages =
        AnthropicCaching.markLastMessages(
            List.of(
                Message.system(SYSTEM),
                Message.user("Add and multiply 2 and 3"),
                Message.assistant(
                    List.of(
                        ToolCallPart.of("toolu_bdrk_011gz", "add", args),
                        ToolCallPart.of("toolu_bdrk_013dd", "multiply", args))),
                Message.tool(
                    List.of(
                        ToolResultPart.of("toolu_bdrk_011gz", "add", ToolOutput.text("5")),
                        ToolResultPart.of("toolu_bdrk_013dd", "multiply", ToolOutput.text("6"))))));
    JsonNode body =
        sendGenerate(
            CLAUDE,
            Call.builder(Prompt.of(messages))
                .maxOutputTokens(4000)
                .tools(addMultiplyTools())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[
                  {"content":"You are a helpful assistant","role":"system","cache_control":{"type":"ephemeral"}},
                  {"content":"Add and multiply 2 and 3","role":"user"},
                  {"tool_calls":[
                     {"id":"toolu_bdrk_011gz","function":{"arguments":"{\\"a\\": 2, \\"b\\": 3}","name":"add"},"type":"function"},
                     {"id":"toolu_bdrk_013dd","function":{"arguments":"{\\"a\\": 2, \\"b\\": 3}","name":"multiply"},"type":"function",
                      "cache_control":{"type":"ephemeral"}}],
                   "role":"assistant"},
                  {"role":"tool","tool_call_id":"toolu_bdrk_011gz","content":"5"},
                  {"role":"tool","tool_call_id":"toolu_bdrk_013dd","content":"6"}],
                 "model":"anthropic/claude-haiku-4.5","max_tokens":4000,
                 "tools":[%s],"tool_choice":"auto","usage":{"include":true}}
                """
                    .formatted(ADD_MULTIPLY_TOOLS_JSON)));
  }

  @Test
  void aMarkerOnAMultiPartUserMessageGoesOnItsLastContentEntry() {
    var user =
        Message.user("Describe", FilePart.of("a.png", "image/png", new byte[] {1, 2, 3}))
            .withProviderData(AnthropicCaching.ephemeral());
    JsonNode body = sendGenerate(CLAUDE, Call.of(Prompt.of(user)));
    assertThat(body.path("messages").get(0))
        .isEqualTo(
            json(
                """
                {"role":"user","content":[{"type":"text","text":"Describe"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"},
                   "cache_control":{"type":"ephemeral"}}]}
                """));
  }

  @Test
  void aMarkerOnTheLastPartCountsAndATextOnlyAssistantCarriesItOnTheMessage() {
    var user =
        Message.user(List.of(TextPart.of("q").withProviderData(AnthropicCaching.ephemeral())));
    var assistant = Message.assistant("A.").withProviderData(AnthropicCaching.ephemeral());
    JsonNode body = sendGenerate(CLAUDE, Call.of(Prompt.of(user, assistant, Message.user("more"))));
    assertThat(body.path("messages"))
        .isEqualTo(
            json(
                """
                [{"role":"user","content":"q","cache_control":{"type":"ephemeral"}},
                 {"role":"assistant","content":"A.","cache_control":{"type":"ephemeral"}},
                 {"role":"user","content":"more"}]
                """));
  }
}
