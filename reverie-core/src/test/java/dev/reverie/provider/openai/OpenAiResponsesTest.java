package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.codec.responses.ResponsesOptions;
import dev.reverie.codec.responses.ResponsesTools;
import dev.reverie.error.NoObjectGeneratedException;
import dev.reverie.error.ReverieException;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.Message;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.tool.FunctionToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAI on the Responses API: request encoding, options, whole responses and objects. */
class OpenAiResponsesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OK =
      "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"o4-mini\","
          + "\"output\":[{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
          + "[{\"type\":\"output_text\",\"text\":\"Oi!\",\"annotations\":[]}]}],"
          + "\"usage\":{\"input_tokens\":10,\"output_tokens\":3,\"total_tokens\":13}}";

  private static LanguageModel model(ScriptedTransport transport, String modelId) {
    return OpenAi.builder().apiKey("k").transport(transport).build().responses(modelId);
  }

  private static JsonNode send(String modelId, Call call) throws Exception {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    model(transport, modelId).generate(call);
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo("https://api.openai.com/v1/responses");
    return MAPPER.readTree(transport.requests().get(0).body());
  }

  @Test
  void theRecordedSimpleShape() throws Exception {
    var call =
        Call.builder(Prompt.of("You are a helpful assistant", "Say hi in Portuguese"))
            .maxOutputTokens(4000)
            .build();
    assertThat(send("o4-mini", call))
        .isEqualTo(
            MAPPER.readTree(
                "{\"max_output_tokens\":4000,\"store\":false,\"input\":[{\"content\":\"You are a"
                    + " helpful assistant\",\"role\":\"developer\"},{\"content\":[{\"text\":\"Say hi in"
                    + " Portuguese\",\"type\":\"input_text\"}],\"role\":\"user\"}],\"model\":\"o4-mini\"}"));
    assertThat(send("gpt-4.1", call).at("/input/0/role").asText()).isEqualTo("system");
  }

  @Test
  void everyOptionReachesTheWire() throws Exception {
    var options =
        ResponsesOptions.builder()
            .reasoningEffort("high")
            .reasoningSummary("auto")
            .include(List.of(ResponsesOptions.ENCRYPTED_REASONING))
            .store(true)
            .serviceTier("flex")
            .promptCacheKey("cache-1")
            .parallelToolCalls(false)
            .maxToolCalls(3)
            .user("u-1")
            .safetyIdentifier("s-1")
            .strictJsonSchema(true)
            .textVerbosity("low")
            .build();
    var tool =
        FunctionToolSpec.of(
            "weather",
            "Get weather",
            (JsonObject) JsonValue.parse("{\"type\":\"object\",\"properties\":{}}"));
    var call =
        Call.builder(Prompt.user("hi"))
            .tools(List.of(tool))
            .providerOptions(options.providerData())
            .build();
    JsonNode body = send("gpt-5", call);
    assertThat(body.at("/reasoning").toString())
        .isEqualTo("{\"effort\":\"high\",\"summary\":\"auto\"}");
    assertThat(body.at("/include/0").asText()).isEqualTo("reasoning.encrypted_content");
    assertThat(body.at("/store").asBoolean()).isTrue();
    assertThat(body.at("/service_tier").asText()).isEqualTo("flex");
    assertThat(body.at("/prompt_cache_key").asText()).isEqualTo("cache-1");
    assertThat(body.at("/parallel_tool_calls").asBoolean()).isFalse();
    assertThat(body.at("/max_tool_calls").asInt()).isEqualTo(3);
    assertThat(body.at("/user").asText()).isEqualTo("u-1");
    assertThat(body.at("/safety_identifier").asText()).isEqualTo("s-1");
    assertThat(body.at("/tools/0/strict").asBoolean()).isTrue();
    assertThat(body.at("/text/verbosity").asText()).isEqualTo("low");
    assertThat(body.at("/tool_choice").asText()).isEqualTo("auto");
  }

  @Test
  void reasoningOptionsOnANonReasoningModelAreDroppedWithAWarning() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var call =
        Call.builder(Prompt.user("hi"))
            .temperature(0.2)
            .providerOptions(
                ResponsesOptions.builder().reasoningEffort("high").build().providerData())
            .build();
    Response response = model(transport, "gpt-4o").generate(call);
    assertThat(response.warnings()).anyMatch(w -> w.toString().contains("reasoning"));
    assertThat(transport.requests().get(0).bodyText()).doesNotContain("\"reasoning\"");
    assertThat(transport.requests().get(0).bodyText()).contains("\"temperature\":0.2");
  }

  @Test
  void anUnknownReasoningEffortIsAClearError() {
    var call =
        Call.builder(Prompt.user("hi"))
            .providerOptions(
                ResponsesOptions.builder().reasoningEffort("huge").build().providerData())
            .build();
    assertThatThrownBy(() -> send("o4-mini", call))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("reasoning_effort 'huge'");
  }

  @Test
  void previousResponseIdRequiresStore() {
    var call =
        Call.builder(Prompt.user("and then?"))
            .providerOptions(
                ResponsesOptions.builder().previousResponseId("resp_0").build().providerData())
            .build();
    assertThatThrownBy(() -> send("o4-mini", call))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("previous_response_id requires store to be true");
  }

  @Test
  void previousResponseIdCannotBeCombinedWithReplayedHistory() {
    var prompt =
        Prompt.of(Message.user("hi"), Message.assistant("hello"), Message.user("and then?"));
    var call =
        Call.builder(prompt)
            .providerOptions(
                ResponsesOptions.builder()
                    .previousResponseId("resp_0")
                    .store(true)
                    .build()
                    .providerData())
            .build();
    assertThatThrownBy(() -> send("o4-mini", call))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("cannot combine previous_response_id with replayed conversation");
  }

  @Test
  void previousResponseIdWithStoreAndNewMessagesIsSent() throws Exception {
    var call =
        Call.builder(Prompt.user("and then?"))
            .providerOptions(
                ResponsesOptions.builder()
                    .previousResponseId("resp_0")
                    .store(true)
                    .build()
                    .providerData())
            .build();
    assertThat(send("o4-mini", call).at("/previous_response_id").asText()).isEqualTo("resp_0");
  }

  @Test
  void webSearchSettingsReachTheTool() throws Exception {
    var search =
        ResponsesTools.webSearch(
            new ResponsesTools.WebSearch(
                "low",
                List.of("example.com"),
                new ResponsesTools.UserLocation("Florence", null, "IT", "Europe/Rome")));
    var call = Call.builder(Prompt.user("news?")).tools(List.of(search)).build();
    assertThat(send("gpt-4.1", call).at("/tools/0"))
        .isEqualTo(
            MAPPER.readTree(
                "{\"type\":\"web_search\",\"search_context_size\":\"low\",\"filters\":"
                    + "{\"allowed_domains\":[\"example.com\"]},\"user_location\":{\"type\":\"approximate\","
                    + "\"city\":\"Florence\",\"country\":\"IT\",\"timezone\":\"Europe/Rome\"}}"));
  }

  private static Prompt turnTwo() {
    var reasoning =
        new ReasoningPart(
            "thinking",
            ProviderData.of(
                "openai",
                (JsonObject)
                    JsonValue.parse(
                        "{\"item_id\":\"rs_1\",\"encrypted_content\":\"enc\",\"summary\":[\"thinking\"]}")));
    var search =
        new ToolCallPart(
            "ws_1",
            "web_search",
            "{}",
            true,
            ProviderData.of("openai", (JsonObject) JsonValue.parse("{\"item_id\":\"ws_1\"}")));
    var searchResult =
        new ToolResultPart(
            "ws_1", "web_search", ToolOutput.json(JsonValue.parse("{}")), true, ProviderData.EMPTY);
    var call = ToolCallPart.of("call_1", "weather", "{\"location\":\"Florence\"}");
    return Prompt.of(
        Message.user("weather?"),
        Message.assistant(
            List.of(reasoning, search, searchResult, TextPart.of("Let me see"), call)),
        Message.tool(List.of(ToolResultPart.of("call_1", "weather", ToolOutput.text("40 C")))));
  }

  @Test
  void reasoningAndProviderExecutedCallsAreNotSentByDefault() throws Exception {
    JsonNode input = send("o4-mini", Call.of(turnTwo())).path("input");
    assertThat(input.toString()).doesNotContain("reasoning").doesNotContain("ws_1");
    assertThat(input.get(1).toString())
        .isEqualTo("{\"role\":\"assistant\",\"content\":\"Let me see\"}");
    assertThat(input.get(2).path("type").asText()).isEqualTo("function_call");
    assertThat(input.get(3).toString())
        .isEqualTo(
            "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"40 C\"}");
  }

  @Test
  void reasoningIsReplayedWhenAskedAndStoredSearchesByReference() throws Exception {
    var options = ResponsesOptions.builder().replayReasoning(true).store(true).build();
    JsonNode input =
        send("o4-mini", Call.builder(turnTwo()).providerOptions(options.providerData()).build())
            .path("input");
    assertThat(input.get(1))
        .isEqualTo(
            MAPPER.readTree(
                "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"encrypted_content\":\"enc\","
                    + "\"summary\":[{\"type\":\"summary_text\",\"text\":\"thinking\"}]}"));
    assertThat(input.get(2).toString()).isEqualTo("{\"type\":\"item_reference\",\"id\":\"ws_1\"}");
  }

  @Test
  void reasoningWithoutEncryptedContentIsNotReplayedStatelesslyButSaysWhy() {
    var reasoning =
        new ReasoningPart(
            "thinking",
            ProviderData.of("openai", (JsonObject) JsonValue.parse("{\"item_id\":\"rs_1\"}")));
    var prompt =
        Prompt.of(
            Message.user("hi"),
            Message.assistant(List.of(reasoning, TextPart.of("hello"))),
            Message.user("more"));
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var options = ResponsesOptions.builder().replayReasoning(true).build();
    Response response =
        model(transport, "o4-mini")
            .generate(Call.builder(prompt).providerOptions(options.providerData()).build());
    assertThat(transport.requests().get(0).bodyText()).doesNotContain("rs_1");
    assertThat(response.warnings())
        .anyMatch(w -> w.toString().contains("reasoning.encrypted_content"));
  }

  @Test
  void aWholeResponseWithReasoningSearchAndCitations() {
    String body =
        "{\"id\":\"resp_2\",\"status\":\"completed\",\"output\":["
            + "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"encrypted_content\":\"enc\",\"summary\":"
            + "[{\"type\":\"summary_text\",\"text\":\"a\"},{\"type\":\"summary_text\",\"text\":\"b\"}]},"
            + "{\"id\":\"rs_2\",\"type\":\"reasoning\",\"summary\":[]},"
            + "{\"id\":\"ws_1\",\"type\":\"web_search_call\",\"status\":\"completed\",\"action\":"
            + "{\"type\":\"search\",\"query\":\"tokyo\"}},"
            + "{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":"
            + "\"Tokyo\",\"annotations\":[{\"type\":\"url_citation\",\"url\":\"https://x.test\","
            + "\"title\":\"X\"}]}]}],"
            + "\"usage\":{\"input_tokens\":10,\"input_tokens_details\":{\"cached_tokens\":4},"
            + "\"output_tokens\":3,\"output_tokens_details\":{\"reasoning_tokens\":2}}}";
    var transport = new ScriptedTransport().respond(200, "application/json", body);
    Response response = model(transport, "o4-mini").generate(Prompt.user("tokyo?"));
    var reasoning = (ReasoningPart) response.content().get(0);
    assertThat(reasoning.text()).isEqualTo("a\nb");
    assertThat(reasoning.providerData().get("openai").orElseThrow().toJsonNode().toString())
        .isEqualTo(
            "{\"item_id\":\"rs_1\",\"encrypted_content\":\"enc\",\"summary\":[\"a\",\"b\"]}");
    var search = (ToolCallPart) response.content().get(1);
    assertThat(search.providerExecuted()).isTrue();
    assertThat(search.toolName()).isEqualTo("web_search");
    assertThat(((ToolResultPart) response.content().get(2)).providerExecuted()).isTrue();
    assertThat(((TextPart) response.content().get(3)).text()).isEqualTo("Tokyo");
    assertThat(((SourcePart) response.content().get(4)).url()).isEqualTo("https://x.test");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage().inputTokens()).isEqualTo(6);
    assertThat(response.usage().cacheReadTokens()).isEqualTo(4);
    assertThat(response.usage().totalTokens()).isEqualTo(13);
    assertThat(response.usage().reasoningTokens()).isEqualTo(2);
  }

  @Test
  void aResponseWithAnErrorIsAProviderError() {
    String body =
        "{\"id\":\"resp_3\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}";
    var transport = new ScriptedTransport().respond(200, "application/json", body);
    assertThatThrownBy(() -> model(transport, "o4-mini").generate(Prompt.user("hi")))
        .isInstanceOf(dev.reverie.error.ProviderException.class)
        .hasMessageContaining("boom");
  }

  /** A person, for object generation. */
  record Person(String name, Integer age, String city) {}

  @Test
  void anObjectStreamCutByTheOutputLimitIsNotARepairedSuccess() {
    String sse =
        "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"r\"}}\n\n"
            + "event: response.output_item.added\ndata: {\"type\":\"response.output_item.added\","
            + "\"item\":{\"id\":\"msg_1\",\"type\":\"message\"}}\n\n"
            + "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
            + "\"item_id\":\"msg_1\",\"delta\":\"{\\\"name\\\":\\\"Alice\\\",\\\"age\\\":30,\\\"city\\\":\\\"Pa\"}\n\n"
            + "event: response.incomplete\ndata: {\"type\":\"response.incomplete\",\"response\":{\"id\":\"r\","
            + "\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},"
            + "\"usage\":{\"input_tokens\":5,\"output_tokens\":16}}}\n\n";
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse);
    var model = model(transport, "gpt-4o");
    try (var stream = model.streamObject(Person.class, Prompt.user("Alice"))) {
      for (Person partial : stream.partials()) {
        assertThat(partial).isNotNull();
      }
      assertThatThrownBy(stream::result)
          .isInstanceOfSatisfying(
              NoObjectGeneratedException.class,
              e -> assertThat(e.finishReason()).isEqualTo(FinishReason.LENGTH));
    }
    JsonNode body;
    try {
      body = MAPPER.readTree(transport.requests().get(0).body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(body.at("/text/format/type").asText()).isEqualTo("json_schema");
    assertThat(body.at("/text/format/name").asText()).isEqualTo("Person");
    assertThat(body.at("/stream").asBoolean()).isTrue();
  }
}
