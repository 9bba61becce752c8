package dev.reverie.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.codec.anthropic.AnthropicCaching;
import dev.reverie.codec.anthropic.AnthropicOptions;
import dev.reverie.codec.anthropic.AnthropicRequestEncoder;
import dev.reverie.codec.anthropic.AnthropicTools;
import dev.reverie.codec.anthropic.ComputerUseVersion;
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
import dev.reverie.stream.ToolInputDelta;
import dev.reverie.testing.CutScriptedTransport;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.testing.StreamCollector;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ToolChoice;
import dev.reverie.tool.ToolSpec;
import dev.reverie.transport.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replays every Anthropic conformance recording through the real provider code: each request sent
 * must be JSON-equal to the recorded one (the second turn built from the decoded first answer, as
 * an agent builds it), and the decoded answers must pass the scenario's checks.
 */
class AnthropicRecordedScenariosTest {
  private static final String MODEL = "claude-sonnet-4-20250514";
  private static final String SYSTEM = "You are a helpful assistant";

  /** Streams are served a few bytes per read so events arrive split, as on a network. */
  private static final int CHUNK = 7;

  // ------------------------------------------------------------------ harness

  private record Replay(
      RecordedCassette cassette, CutScriptedTransport transport, LanguageModel model) {
    Response generate(Call call) {
      return model.generate(call);
    }

    StreamCollector stream(Call call) {
      return StreamCollector.drain(model.stream(call));
    }

    void assertRequestsMatch() {
      List<HttpRequest> sent = transport.requests();
      assertThat(sent).hasSameSizeAs(cassette.interactions());
      for (int i = 0; i < sent.size(); i++) {
        var recorded = cassette.interaction(i);
        HttpRequest request = sent.get(i);
        assertThat(request.uri().toString()).as("URL of request %d", i).isEqualTo(recorded.url());
        assertThat(RecordedCassette.plainTree(request.bodyText()))
            .as("body of request %d of %s", i, cassette.name())
            .isEqualTo(recorded.request());
        assertThat(request.headers().first("x-api-key")).contains("test-key");
        assertThat(request.headers().first("anthropic-version")).contains("2023-06-01");
      }
    }
  }

  private static Replay replay(String name) {
    var cassette = RecordedCassette.load(name);
    var transport = new CutScriptedTransport();
    for (var interaction : cassette.interactions()) {
      if (interaction.contentType().startsWith("text/event-stream")) {
        transport.respondChunked(interaction.contentType(), interaction.responseBody(), CHUNK);
      } else {
        transport.respond(200, interaction.contentType(), interaction.responseBody());
      }
    }
    var anthropic = Anthropic.builder().apiKey("test-key").transport(transport).build();
    return new Replay(cassette, transport, anthropic.languageModel(MODEL));
  }

  private static JsonObject schema(String json) {
    return Json.value((ObjectNode) Json.parse(json, "schema"));
  }

  private static final FunctionToolSpec WEATHER =
      FunctionToolSpec.of(
          "weather",
          "Get weather information for a location",
          schema(
              "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
                  + "\"description\":\"the city\"}},\"required\":[\"location\"]}"));

  private static final String NUMBERS =
      "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\",\"description\":\"first"
          + " number\"},\"b\":{\"type\":\"integer\",\"description\":\"second number\"}},"
          + "\"required\":[\"a\",\"b\"]}";
  private static final FunctionToolSpec ADD =
      FunctionToolSpec.of("add", "Add two numbers", schema(NUMBERS));
  private static final FunctionToolSpec MULTIPLY =
      FunctionToolSpec.of("multiply", "Multiply two numbers", schema(NUMBERS));

  private static final FunctionToolSpec PERSON =
      FunctionToolSpec.of(
          "Person",
          "A person with name, age, and city",
          schema(
              "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"description\":"
                  + "\"The person's name\"},\"age\":{\"type\":\"integer\",\"description\":\"The"
                  + " person's age\"},\"city\":{\"type\":\"string\",\"description\":\"The city"
                  + " where the person lives\"}},\"required\":[\"name\",\"age\",\"city\"]}"));

  private static final FunctionToolSpec BOOK =
      FunctionToolSpec.of(
          "Book",
          "A book with title, author, genres, and publication year",
          schema(
              "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\","
                  + "\"description\":\"The book title\"},\"author\":{\"type\":\"object\","
                  + "\"properties\":{\"name\":{\"type\":\"string\",\"description\":\"Author's"
                  + " name\"},\"nationality\":{\"type\":\"string\",\"description\":\"Author's"
                  + " nationality\"}},\"required\":[\"name\",\"nationality\"]},\"genres\":"
                  + "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"List of"
                  + " genres\"},\"published_year\":{\"type\":\"integer\",\"description\":\"Year the"
                  + " book was published\"}},\"required\":[\"title\",\"author\",\"genres\","
                  + "\"published_year\"]}"));

  private static Call.Builder toolCall(Prompt prompt, List<? extends ToolSpec> tools) {
    return Call.builder(prompt).maxOutputTokens(4000).tools(tools).toolChoice(ToolChoice.auto());
  }

  /** The agent's second step: the answer appended, then one tool message with every result. */
  private static Prompt withToolResults(
      Prompt prompt, List<Part> answer, Function<ToolCallPart, String> results) {
    var toolResults = new ArrayList<ToolResultPart>();
    for (Part part : answer) {
      if (part instanceof ToolCallPart call && !call.providerExecuted()) {
        toolResults.add(
            ToolResultPart.of(
                call.toolCallId(), call.toolName(), ToolOutput.text(results.apply(call))));
      }
    }
    return prompt.plus(Message.assistant(withoutSources(answer)), Message.tool(toolResults));
  }

  private static List<Part> withoutSources(List<Part> parts) {
    return parts.stream().filter(p -> !(p instanceof dev.reverie.message.SourcePart)).toList();
  }

  private static String arithmetic(ToolCallPart call) {
    JsonNode input = Json.parse(call.input(), "input");
    long a = input.path("a").asLong();
    long b = input.path("b").asLong();
    return Long.toString(call.toolName().equals("add") ? a + b : a * b);
  }

  // ------------------------------------------------------------------ common

  @Test
  void simple() {
    var replay = replay("TestAnthropicCommon/claude-sonnet-4/simple");
    Response response =
        replay.generate(
            Call.builder(Prompt.of(SYSTEM, "Say hi in Portuguese")).maxOutputTokens(4000).build());
    replay.assertRequestsMatch();
    assertThat(response.text()).containsAnyOf("Oi", "oi", "Olá", "olá");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.usage().totalTokens()).isPositive();
  }

  @Test
  void simpleStreaming() {
    var replay = replay("TestAnthropicCommon/claude-sonnet-4/simple_streaming");
    var result =
        replay.stream(
            Call.builder(Prompt.of(SYSTEM, "Say hi in Portuguese")).maxOutputTokens(4000).build());
    replay.assertRequestsMatch();
    assertThat(result.error).isNull();
    assertThat(result.text()).containsAnyOf("Oi", "oi", "Olá", "olá");
    assertThat(result.finish.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(result.finish.usage().totalTokens()).isPositive();
    assertThat(replay.transport().closedResponses.get()).isEqualTo(1);
  }

  @Test
  void tool() {
    var replay = replay("TestAnthropicCommon/claude-sonnet-4/tool");
    Prompt prompt = Prompt.of(SYSTEM, "What's the weather in Florence,Italy?");
    Response first = replay.generate(toolCall(prompt, List.of(WEATHER)).build());
    assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(first.toolCalls())
        .singleElement()
        .extracting(ToolCallPart::toolName)
        .isEqualTo("weather");

    Response second =
        replay.generate(
            toolCall(withToolResults(prompt, first.content(), call -> "40 C"), List.of(WEATHER))
                .build());
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("Florence").contains("40");
  }

  @Test
  void toolStreaming() {
    var replay = replay("TestAnthropicCommon/claude-sonnet-4/tool_streaming");
    Prompt prompt = Prompt.of(SYSTEM, "What's the weather in Florence,Italy?");
    var first = replay.stream(toolCall(prompt, List.of(WEATHER)).build());
    assertThat(first.finish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    var second =
        replay.stream(
            toolCall(
                    withToolResults(prompt, first.assistantParts(), call -> "40 C"),
                    List.of(WEATHER))
                .build());
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("Florence").contains("40");
  }

  @Test
  void multiTool() {
    var replay = replay("TestAnthropicCommon/claude-sonnet-4/multi_tool");
    Prompt prompt =
        Prompt.of(
            "You are a helpful assistant. CRITICAL: Always use both add and multiply at the same"
                + " time ALWAYS.",
            "Add and multiply the number 2 and 3");
    Response first = replay.generate(toolCall(prompt, List.of(ADD, MULTIPLY)).build());
    assertThat(first.toolCalls()).hasSize(2);
    Response second =
        replay.generate(
            toolCall(
                    withToolResults(
                        prompt, first.content(), AnthropicRecordedScenariosTest::arithmetic),
                    List.of(ADD, MULTIPLY))
                .build());
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("5").contains("6");
  }

  @Test
  void multiToolStreaming() {
    var replay = replay("TestAnthropicCommon/claude-sonnet-4/multi_tool_streaming");
    Prompt prompt =
        Prompt.of(
            "You are a helpful assistant. Always use both add and multiply at the same time.",
            "Add and multiply the number 2 and 3");
    var first = replay.stream(toolCall(prompt, List.of(ADD, MULTIPLY)).build());
    assertThat(first.assistantParts()).filteredOn(ToolCallPart.class::isInstance).hasSize(2);
    var second =
        replay.stream(
            toolCall(
                    withToolResults(
                        prompt, first.assistantParts(), AnthropicRecordedScenariosTest::arithmetic),
                    List.of(ADD, MULTIPLY))
                .build());
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("5").contains("6");
  }

  // ------------------------------------------------------------------ thinking

  private static Call.Builder thinkingCall(Prompt prompt) {
    return Call.builder(prompt)
        .tools(List.of(WEATHER))
        .toolChoice(ToolChoice.auto())
        .providerOptions(AnthropicOptions.thinking(4000).providerData());
  }

  private static void assertSignedReasoning(List<Part> parts) {
    var reasoning = parts.stream().filter(ReasoningPart.class::isInstance).toList();
    assertThat(reasoning).isNotEmpty();
    for (Part part : reasoning) {
      assertThat(
              part.providerData()
                  .get("anthropic")
                  .map(d -> d.toJsonNode().path("signature").asText()))
          .hasValueSatisfying(signature -> assertThat(signature).isNotEmpty());
    }
  }

  @Test
  void thinking() {
    var replay = replay("TestAnthropicThinking/claude-sonnet-4/thinking");
    Prompt prompt = Prompt.of(SYSTEM, "What's the weather in Florence, Italy?");
    Response first = replay.generate(thinkingCall(prompt).build());
    assertSignedReasoning(first.content());
    Response second =
        replay.generate(
            thinkingCall(withToolResults(prompt, first.content(), call -> "40 C")).build());
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("Florence").contains("40");
  }

  @Test
  void thinkingStreaming() {
    var replay = replay("TestAnthropicThinking/claude-sonnet-4/thinking-streaming");
    Prompt prompt = Prompt.of(SYSTEM, "What's the weather in Florence, Italy?");
    var first = replay.stream(thinkingCall(prompt).build());
    assertSignedReasoning(first.assistantParts());
    var second =
        replay.stream(
            thinkingCall(withToolResults(prompt, first.assistantParts(), call -> "40 C")).build());
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("Florence").contains("40");
  }

  // ------------------------------------------------------------------ objects (forced tool)

  private static Call objectCall(String prompt, FunctionToolSpec schemaTool) {
    return Call.builder(Prompt.user(prompt))
        .maxOutputTokens(4000)
        .tools(List.of(schemaTool))
        .toolChoice(ToolChoice.tool(schemaTool.name()))
        .build();
  }

  private static final String ALICE =
      "Generate information about a person named Alice who is 30 years old and lives in Paris.";
  private static final String TOLKIEN =
      "Generate information about 'The Lord of the Rings' book by J.R.R. Tolkien, including genres"
          + " like fantasy and adventure, and its publication year (1954).";

  @Test
  void simpleObject() {
    var replay = replay("TestAnthropicObjectGeneration/claude-sonnet-4/simple_object");
    Response response = replay.generate(objectCall(ALICE, PERSON));
    replay.assertRequestsMatch();
    JsonNode person = Json.parse(response.toolCalls().get(0).input(), "object");
    assertThat(person.path("name").asText()).isEqualTo("Alice");
    assertThat(person.path("age").asInt()).isEqualTo(30);
    assertThat(person.path("city").asText()).isEqualTo("Paris");
  }

  @Test
  void simpleObjectStreaming() {
    var replay = replay("TestAnthropicObjectGeneration/claude-sonnet-4/simple_object_streaming");
    var result = replay.stream(objectCall(ALICE, PERSON));
    replay.assertRequestsMatch();
    String streamedInput =
        result.parts.stream()
            .filter(ToolInputDelta.class::isInstance)
            .map(p -> ((ToolInputDelta) p).delta())
            .collect(Collectors.joining());
    assertThat(Json.parse(streamedInput, "object").path("city").asText()).isEqualTo("Paris");
    assertThat(result.finish.usage().totalTokens()).isPositive();
    assertThat(result.finish.finishReason()).isNotEqualTo(FinishReason.UNKNOWN);
  }

  @Test
  void complexObject() {
    var replay = replay("TestAnthropicObjectGeneration/claude-sonnet-4/complex_object");
    Response response = replay.generate(objectCall(TOLKIEN, BOOK));
    replay.assertRequestsMatch();
    JsonNode book = Json.parse(response.toolCalls().get(0).input(), "object");
    assertThat(book.path("title").asText().toLowerCase()).contains("rings");
    assertThat(book.path("published_year").asInt()).isGreaterThan(1900);
  }

  @Test
  void complexObjectStreaming() {
    var replay = replay("TestAnthropicObjectGeneration/claude-sonnet-4/complex_object_streaming");
    var result = replay.stream(objectCall(TOLKIEN, BOOK));
    replay.assertRequestsMatch();
    var call = (ToolCallPart) result.assistantParts().get(0);
    JsonNode book = Json.parse(call.input(), "object");
    assertThat(book.path("genres").size()).isPositive();
    assertThat(book.path("author").path("name").asText()).isNotEmpty();
  }

  // ------------------------------------------------------------------ computer use

  private static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

  private static Call computerCall(Prompt prompt) {
    return Call.builder(prompt)
        .tools(List.of(AnthropicTools.computer(1920, 1080, ComputerUseVersion.COMPUTER_20250124)))
        .build();
  }

  private static Prompt screenshotTurn(Prompt prompt, ToolCallPart call) {
    return prompt.plus(
        Message.assistant(List.of(call)),
        Message.tool(
            List.of(
                ToolResultPart.of(
                    call.toolCallId(),
                    call.toolName(),
                    ToolOutput.media(Base64.getDecoder().decode(PNG), "image/png")))));
  }

  @Test
  void computerUse() {
    var replay = replay("TestAnthropicComputerUse/claude-sonnet-4/computer_use");
    Prompt prompt = Prompt.of(SYSTEM, "Take a screenshot of the desktop");
    Response first = replay.generate(computerCall(prompt));
    assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    ToolCallPart call = first.toolCalls().get(0);
    assertThat(call.toolName()).isEqualTo("computer");
    assertThat(call.input()).contains("screenshot");
    Response second = replay.generate(computerCall(screenshotTurn(prompt, call)));
    replay.assertRequestsMatch();
    assertThat(replay.transport().requests())
        .allSatisfy(
            r ->
                assertThat(r.headers().first("anthropic-beta"))
                    .contains("computer-use-2025-01-24"));
    assertThat(second.text()).contains("desktop");
  }

  @Test
  void computerUseStreaming() {
    var replay = replay("TestAnthropicComputerUse/claude-sonnet-4/computer_use_streaming");
    Prompt prompt = Prompt.of(SYSTEM, "Take a screenshot of the desktop");
    var first = replay.stream(computerCall(prompt));
    assertThat(first.finish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    ToolCallPart call =
        first.assistantParts().stream()
            .filter(ToolCallPart.class::isInstance)
            .map(ToolCallPart.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(call.input()).contains("screenshot");
    var second = replay.stream(computerCall(screenshotTurn(prompt, call)));
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("desktop");
  }

  // ------------------------------------------------------------------ image upload

  @Test
  void imageUpload() {
    var replay = replay("TestImageUploadAgent/anthropic-claude-sonnet-4");
    JsonNode recorded = replay.cassette().interaction(0).request();
    byte[] png =
        Base64.getDecoder().decode(recorded.at("/messages/0/content/1/source/data").asText());
    Prompt prompt =
        Prompt.of(
            Message.system(SYSTEM),
            Message.user(
                "Describe the image briefly in English.",
                FilePart.of("wish.png", "image/png", png)));
    Response response = replay.generate(Call.builder(prompt).maxOutputTokens(4000).build());
    replay.assertRequestsMatch();
    assertThat(response.text()).isNotBlank();
  }

  // ------------------------------------------------------------------ web search

  private static final String TOKYO = "What is the current population of Tokyo? Cite your source.";

  private static Call webSearchCall(Prompt prompt) {
    return toolCall(prompt, List.of(AnthropicTools.webSearch())).build();
  }

  @Test
  void webSearchGenerate() {
    var replay = replay("TestAnthropicWebSearch/generate");
    Response response = replay.generate(webSearchCall(Prompt.of(SYSTEM, TOKYO)));
    replay.assertRequestsMatch();
    assertThat(response.text()).contains("Tokyo");
    assertThat(response.toolCalls())
        .filteredOn(ToolCallPart::providerExecuted)
        .first()
        .extracting(ToolCallPart::toolName)
        .isEqualTo("web_search");
    assertThat(response.toolResults()).filteredOn(ToolResultPart::providerExecuted).isNotEmpty();
    assertThat(response.sources()).isNotEmpty();
    assertThat(response.sources().get(0).url()).startsWith("https://");
  }

  @Test
  void webSearchStreamReplaysResultsUnchanged() {
    var replay = replay("TestAnthropicWebSearch/stream");
    Prompt prompt = Prompt.of(SYSTEM, TOKYO);
    var first = replay.stream(webSearchCall(prompt));
    assertThat(first.text()).contains("Tokyo");
    assertThat(first.assistantParts())
        .filteredOn(p -> p instanceof ToolCallPart c && c.providerExecuted())
        .isNotEmpty();
    assertThat(first.assistantParts())
        .filteredOn(p -> p instanceof ToolResultPart r && r.providerExecuted())
        .isNotEmpty();
    assertThat(first.sources).isNotEmpty();

    Prompt next =
        prompt.plus(
            Message.assistant(first.assistantParts()),
            Message.user("How does that compare to Osaka?"));
    var second = replay.stream(webSearchCall(next));
    replay.assertRequestsMatch();
    assertThat(second.text()).contains("Osaka");
  }

  // ------------------------------------------------------------------ caching placement

  @Test
  void cachingPlacesMarkersOnSystemAndLastTwoMessages() {
    var replay = replay("TestAnthropicCommon/claude-sonnet-4/tool");
    Prompt prompt = Prompt.of(SYSTEM, "What's the weather in Florence,Italy?");
    Response first =
        replay.generate(
            toolCall(
                    Prompt.of(AnthropicCaching.markLastMessages(prompt.messages())),
                    List.of(WEATHER))
                .build());
    Prompt second = withToolResults(prompt, first.content(), call -> "40 C");
    replay.generate(
        toolCall(Prompt.of(AnthropicCaching.markLastMessages(second.messages())), List.of(WEATHER))
            .build());

    JsonNode turn1 = RecordedCassette.plainTree(replay.transport().requests().get(0).bodyText());
    JsonNode turn2 = RecordedCassette.plainTree(replay.transport().requests().get(1).bodyText());
    JsonNode ephemeral = RecordedCassette.plainTree("{\"type\":\"ephemeral\"}");
    assertThat(turn1.at("/system/0/cache_control")).isEqualTo(ephemeral);
    assertThat(turn1.at("/messages/0/content/0/cache_control")).isEqualTo(ephemeral);
    assertThat(turn2.at("/system/0/cache_control")).isEqualTo(ephemeral);
    assertThat(turn2.at("/messages/0/content/0/cache_control").isMissingNode()).isTrue();
    assertThat(turn2.at("/messages/1/content/0/cache_control").isMissingNode()).isTrue();
    assertThat(turn2.at("/messages/1/content/1/cache_control")).isEqualTo(ephemeral);
    assertThat(turn2.at("/messages/2/content/0/cache_control")).isEqualTo(ephemeral);
    // Without the markers the bodies are the recorded ones.
    assertThat(withoutCacheControl(turn2)).isEqualTo(replay.cassette().interaction(1).request());
  }

  private static JsonNode withoutCacheControl(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("cache_control");
      for (Map.Entry<String, JsonNode> field : object.properties()) strip(field.getValue());
    } else if (node.isArray()) {
      node.forEach(AnthropicRecordedScenariosTest::strip);
    }
  }

  @Test
  void replayedReasoningKeepsItsSignatureAsProviderData() {
    var part =
        new ReasoningPart(
            "thoughts", ProviderData.of("anthropic", Json.object().put("signature", "sig")));
    var prompt = Prompt.of(Message.user("q"), Message.assistant(List.of(part, TextPart.of("a"))));
    var request = new AnthropicRequestEncoder().encode(Call.of(prompt), MODEL, false);
    assertThat(request.body().at("/messages/1/content/0/signature").asText()).isEqualTo("sig");
  }
}
