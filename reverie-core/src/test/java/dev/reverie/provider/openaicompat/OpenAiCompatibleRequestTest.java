package dev.reverie.provider.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.RetryPolicy;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
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

/** The exact request bodies an OpenAI-compatible server receives. */
class OpenAiCompatibleRequestTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String BASE_URL = "https://api.z.ai/api/coding/paas/v4";
  private static final String MODEL = "glm-4.7-flash";
  private static final String SYSTEM = "You are a helpful assistant";
  private static final String QUESTION = "What's the weather in Florence,Italy?";
  private static final String OK =
      """
      {"id":"r1","model":"glm-4.7-flash","choices":[{"index":0,"message":{"role":"assistant","content":"Oi!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}
      """;
  private static final String OK_STREAM =
      """
      data: {"id":"c1","choices":[{"index":0,"delta":{"content":"Oi"}}]}

      data: {"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

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

  static FunctionToolSpec weatherTool() {
    return FunctionToolSpec.of(
        "weather",
        "Get weather information for a location",
        Json.value(
            (ObjectNode)
                json(
                    """
                {"type":"object","properties":{"location":{"type":"string","description":"the city"}},"required":["location"]}
                """)));
  }

  static LanguageModel model(ScriptedTransport transport, String modelId) {
    return OpenAiCompatible.builder()
        .baseUrl(BASE_URL)
        .apiKey("zai-test-key")
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

  @Test
  void aSimpleCallHasTheRecordedShapeAndGoesToTheBaseUrl() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    Response response =
        model(transport, MODEL)
            .generate(
                Call.builder(Prompt.of(SYSTEM, "Say hi in Portuguese"))
                    .maxOutputTokens(4000)
                    .build());

    assertThat(response.text()).isEqualTo("Oi!");
    var request = transport.requests().get(0);
    assertThat(request.uri().toString()).isEqualTo(BASE_URL + "/chat/completions");
    assertThat(request.headers().first("Authorization")).contains("Bearer zai-test-key");
    assertThat(body(transport, 0))
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                             {"role":"user","content":"Say hi in Portuguese"}],
                 "model":"glm-4.7-flash","max_tokens":4000}
                """));
  }

  @Test
  void withoutAKeyNoAuthorizationHeaderIsSent() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    OpenAiCompatible.builder()
        .baseUrl("http://localhost:8080/v1/")
        .apiKey("")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build()
        .languageModel("openai/gpt-oss-20b")
        .generate(Call.of(Prompt.user("hi")));
    var request = transport.requests().get(0);
    assertThat(request.uri().toString()).isEqualTo("http://localhost:8080/v1/chat/completions");
    assertThat(request.headers().first("Authorization")).isEmpty();
  }

  @Test
  void aStreamingCallAddsStreamAndStreamOptionsOnly() {
    var transport = new ScriptedTransport().respond(200, "text/event-stream", OK_STREAM);
    var call =
        Call.builder(Prompt.of(SYSTEM, QUESTION))
            .maxOutputTokens(4000)
            .tools(List.of(weatherTool()))
            .build();
    var collected = StreamCollector.drain(model(transport, MODEL).stream(call));

    assertThat(collected.text()).isEqualTo("Oi");
    assertThat(body(transport, 0))
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                             {"role":"user","content":"What's the weather in Florence,Italy?"}],
                 "model":"glm-4.7-flash","max_tokens":4000,
                 "tools":[%s],"tool_choice":"auto",
                 "stream":true,"stream_options":{"include_usage":true}}
                """
                    .formatted(WEATHER_TOOL_JSON)));
  }

  @Test
  void reasoningModelIdsBehindAVendorPrefixTakeMaxCompletionTokens() {
    JsonNode body =
        sendGenerate(
            "openai/gpt-oss-20b",
            Call.builder(Prompt.user("hi")).maxOutputTokens(4000).temperature(0.5).build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"openai/gpt-oss-20b",
                 "max_completion_tokens":4000}
                """));
  }

  @Test
  void optionsReachTheWireAndExtraBodyIsMergedAtTheTopLevelOverStandardFields() {
    ObjectNode extra =
        (ObjectNode)
            json(
                """
                {"chat_template_kwargs":{"enable_thinking":true},"top_k":20,"max_tokens":1234}
                """);
    var options =
        OpenAiCompatibleOptions.builder()
            .reasoningEffort("high")
            .user("user-42")
            .parallelToolCalls(false)
            .extraBody(Json.value(extra))
            .build();
    JsonNode body =
        sendGenerate(
            MODEL,
            Call.builder(Prompt.user("hi"))
                .maxOutputTokens(4000)
                .providerOptions(options.providerData())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"glm-4.7-flash",
                 "max_tokens":1234,"reasoning_effort":"high","user":"user-42",
                 "parallel_tool_calls":false,
                 "chat_template_kwargs":{"enable_thinking":true},"top_k":20}
                """));
  }

  @Test
  void aReasoningEffortAloneAddsOnlyReasoningEffort() {
    JsonNode body =
        sendGenerate(
            MODEL,
            Call.builder(Prompt.user("hi"))
                .providerOptions(OpenAiCompatibleOptions.reasoningEffort("low").providerData())
                .build());
    assertThat(body)
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"glm-4.7-flash",
                 "reasoning_effort":"low"}
                """));
  }

  @Test
  void anExtraBodyThatIsNotAnObjectIsAClearErrorAndNothingIsSent() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var options = ProviderData.of("openai-compat", (ObjectNode) json("{\"extra_body\":[1,2]}"));
    var call = Call.builder(Prompt.user("hi")).providerOptions(options).build();
    assertThatThrownBy(() -> model(transport, MODEL).generate(call))
        .isInstanceOf(ReverieException.class)
        .hasMessage("openai-compat: the extra_body option must be a JSON object");
    assertThatThrownBy(() -> model(transport, MODEL).stream(call))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("extra_body");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void anUnknownReasoningEffortIsAClearErrorAndNothingIsSent() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var call =
        Call.builder(Prompt.user("hi"))
            .providerOptions(OpenAiCompatibleOptions.reasoningEffort("extreme").providerData())
            .build();
    assertThatThrownBy(() -> model(transport, MODEL).generate(call))
        .isInstanceOf(ReverieException.class)
        .hasMessageStartingWith("openai-compat: unknown reasoning_effort 'extreme'")
        .hasMessageContaining("high");
    assertThat(transport.requests()).isEmpty();
  }

  @Test
  void optionsAreReadUnderTheServersOwnNameAndOpenAiOptionsAreIgnored() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var xai =
        OpenAiCompatible.builder()
            .name("xai")
            .baseUrl("https://api.x.ai/v1")
            .apiKey("k")
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build();
    assertThat(xai.id()).isEqualTo("xai");
    var options =
        OpenAiCompatibleOptions.reasoningEffort("high")
            .providerData("xai")
            .merge(OpenAiCompatibleOptions.builder().user("ignored").build().providerData())
            .merge(ProviderData.of("openai", (ObjectNode) json("{\"reasoning_effort\":\"low\"}")));
    xai.languageModel("grok-3-mini")
        .generate(Call.builder(Prompt.user("hi")).providerOptions(options).build());
    assertThat(body(transport, 0))
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"user","content":"hi"}],"model":"grok-3-mini",
                 "reasoning_effort":"high"}
                """));
  }

  // --- reasoning replay on turn 2 ---

  private static final String THINKING_STREAM =
      """
      data: {"id":"c-1","created":1,"model":"glm-4.7-flash","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"The user is asking "}}]}

      data: {"id":"c-1","created":1,"model":"glm-4.7-flash","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"about the weather."}}]}

      data: {"id":"c-1","created":1,"model":"glm-4.7-flash","choices":[{"index":0,"delta":{"role":"assistant","content":"I'll check the weather."}}]}

      data: {"id":"c-1","created":1,"model":"glm-4.7-flash","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"id":"call_-7807249954186984837","index":0,"type":"function","function":{"name":"weather","arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}]}}]}

      data: {"id":"c-1","created":1,"model":"glm-4.7-flash","choices":[{"index":0,"finish_reason":"tool_calls","delta":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":170,"completion_tokens":60,"total_tokens":230,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":20}}}

      data: [DONE]

      """;

  private static final String TURN_TWO_TAIL =
      """
      ,{"role":"tool","tool_call_id":"call_-7807249954186984837","content":"40 C"}],
       "model":"glm-4.7-flash","max_tokens":4000,"tools":[%s],"tool_choice":"auto"}
      """
          .formatted(WEATHER_TOOL_JSON);

  private static Call turnTwo(List<Part> assistantParts) {
    return Call.builder(
            Prompt.of(
                Message.system(SYSTEM),
                Message.user(QUESTION),
                Message.assistant(assistantParts),
                Message.tool(
                    List.of(
                        ToolResultPart.of(
                            "call_-7807249954186984837", "weather", ToolOutput.text("40 C"))))))
        .maxOutputTokens(4000)
        .tools(List.of(weatherTool()))
        .build();
  }

  @Test
  void streamedReasoningIsSentBackAsReasoningContentOnTheAssistantMessage() {
    var transport =
        new ScriptedTransport()
            .respond(200, "text/event-stream", THINKING_STREAM)
            .respond(200, "application/json", OK);
    var model = model(transport, MODEL);
    var turnOne =
        StreamCollector.drain(
            model.stream(
                Call.builder(Prompt.of(SYSTEM, QUESTION))
                    .maxOutputTokens(4000)
                    .tools(List.of(weatherTool()))
                    .build()));
    assertThat(turnOne.error).isNull();

    model.generate(turnTwo(turnOne.assistantParts()));

    assertThat(body(transport, 1))
        .isEqualTo(
            json(
                """
                {"messages":[{"role":"system","content":"You are a helpful assistant"},
                 {"role":"user","content":"What's the weather in Florence,Italy?"},
                 {"role":"assistant","content":"I'll check the weather.",
                  "tool_calls":[{"id":"call_-7807249954186984837","type":"function",
                    "function":{"name":"weather","arguments":"{\\"location\\": \\"Florence, Italy\\"}"}}],
                  "reasoning_content":"The user is asking about the weather."}
                """
                    + TURN_TWO_TAIL));
  }

  @Test
  void generatedReasoningIsSentBackAsReasoningContentWithoutContentWhenThereWasNoText() {
    String response =
        """
        {"id":"r","model":"grok-3-mini-high","choices":[{"index":0,"message":{"role":"assistant","content":"","refusal":null,
          "reasoning_content":"First, the user is asking about Florence.",
          "tool_calls":[{"id":"call_-7807249954186984837","type":"function","function":{"name":"weather","arguments":"{\\"location\\":\\"Florence, Italy\\"}"}}]},
          "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
        """;
    var transport =
        new ScriptedTransport()
            .respond(200, "application/json", response)
            .respond(200, "application/json", OK);
    var model = model(transport, MODEL);
    Response turnOne = model.generate(Call.of(Prompt.of(SYSTEM, QUESTION)));
    assertThat(turnOne.content())
        .containsExactly(
            new ReasoningPart("First, the user is asking about Florence.", ProviderData.EMPTY),
            ToolCallPart.of(
                "call_-7807249954186984837", "weather", "{\"location\":\"Florence, Italy\"}"));

    model.generate(turnTwo(turnOne.content()));

    assertThat(body(transport, 1).path("messages").get(2))
        .isEqualTo(
            json(
                """
                {"role":"assistant",
                 "tool_calls":[{"id":"call_-7807249954186984837","type":"function",
                   "function":{"name":"weather","arguments":"{\\"location\\":\\"Florence, Italy\\"}"}}],
                 "reasoning_content":"First, the user is asking about Florence."}
                """));
  }

  @Test
  void severalReasoningPartsAreConcatenatedAndProviderDataIsNotSent() {
    var anthropicSigned =
        new ReasoningPart(
            "second.",
            ProviderData.of("anthropic", (ObjectNode) json("{\"signature\":\"EqSig\"}")));
    JsonNode body =
        sendGenerate(
            MODEL,
            Call.of(
                Prompt.of(
                    Message.user("q"),
                    Message.assistant(
                        List.of(ReasoningPart.of("First, "), anthropicSigned, TextPart.of("A."))),
                    Message.user("more"))));
    assertThat(body.path("messages").get(1))
        .isEqualTo(
            json(
                """
                {"role":"assistant","content":"A.","reasoning_content":"First, second."}
                """));
  }

  @Test
  void anAssistantMessageWithoutReasoningHasNoReasoningContent() {
    JsonNode body =
        sendGenerate(
            MODEL,
            Call.of(
                Prompt.of(
                    Message.user("q"),
                    Message.assistant(List.of(ReasoningPart.of(""), TextPart.of("A."))),
                    Message.user("more"))));
    assertThat(body.path("messages").get(1))
        .isEqualTo(json("{\"role\":\"assistant\",\"content\":\"A.\"}"));
  }

  /**
   * Recorded Avian traffic (report §3.6, REFERENCE §2.1): text after a tool call is a new segment,
   * and the assistant message replays the last text segment only ("last text wins"), not the
   * segments concatenated.
   */
  @Test
  /**
   * Every text segment the model wrote around its tool calls goes back, joined: a deliberate
   * deviation from the reference, which keeps only the last (docs/conformance-deviations.md).
   */
  void textSegmentsAroundToolCallsAreAllReplayedJoined() {
    JsonNode body =
        sendGenerate(
            MODEL,
            Call.of(
                Prompt.of(
                    Message.user("add and multiply"),
                    Message.assistant(
                        List.of(
                            TextPart.of(" I'll add and multiply 2 and 3 for you.  "),
                            ToolCallPart.of("functions.add:0", "add", "{\"a\": 2, \"b\": 3}"),
                            TextPart.of(" "),
                            ToolCallPart.of(
                                "functions.multiply:1", "multiply", "{\"a\": 2, \"b\": 3}"))),
                    Message.tool(
                        List.of(
                            ToolResultPart.of("functions.add:0", "add", ToolOutput.text("5")),
                            ToolResultPart.of(
                                "functions.multiply:1", "multiply", ToolOutput.text("6")))))));
    assertThat(body.path("messages").get(1).path("content").asText())
        .isEqualTo(" I'll add and multiply 2 and 3 for you.   ");
  }

  @Test
  void toolMessagesAreOnePerResultInCallOrder() {
    JsonNode body =
        sendGenerate(
            MODEL,
            Call.of(
                Prompt.of(
                    Message.user("add and multiply"),
                    Message.assistant(
                        List.of(
                            ToolCallPart.of("c1", "add", "{\"b\":3,\"a\":2}"),
                            ToolCallPart.of("c2", "multiply", "{\"a\": 2, \"b\": 3}"))),
                    Message.tool(
                        List.of(
                            ToolResultPart.of("c1", "add", ToolOutput.text("5")),
                            ToolResultPart.of("c2", "multiply", ToolOutput.text("6")))))));
    assertThat(body.path("messages"))
        .isEqualTo(
            json(
                """
                [{"role":"user","content":"add and multiply"},
                 {"role":"assistant","tool_calls":[
                   {"id":"c1","type":"function","function":{"name":"add","arguments":"{\\"b\\":3,\\"a\\":2}"}},
                   {"id":"c2","type":"function","function":{"name":"multiply","arguments":"{\\"a\\": 2, \\"b\\": 3}"}}]},
                 {"role":"tool","tool_call_id":"c1","content":"5"},
                 {"role":"tool","tool_call_id":"c2","content":"6"}]
                """));
  }
}
