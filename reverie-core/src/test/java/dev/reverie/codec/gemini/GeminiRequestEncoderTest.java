package dev.reverie.codec.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.Prompt;
import dev.reverie.ResponseFormat;
import dev.reverie.error.ReverieException;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How calls become {@code generateContent} bodies. */
class GeminiRequestEncoderTest {
  private final GeminiRequestEncoder gemini = new GeminiRequestEncoder(true);
  private final GeminiRequestEncoder vertex = new GeminiRequestEncoder(false);

  private static JsonObject json(String text) {
    return (JsonObject) JsonValue.fromJsonNode(RecordedCassette.plainTree(text));
  }

  private static JsonNode tree(GeminiRequest request) {
    return RecordedCassette.plainTree(dev.reverie.internal.json.Json.write(request.body()));
  }

  private static final FunctionToolSpec WEATHER =
      FunctionToolSpec.of(
          "weather",
          "Get weather information for a location",
          json(
              "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
                  + "\"description\":\"the city\"}},\"required\":[\"location\"],"
                  + "\"additionalProperties\":false,\"$schema\":\"x\"}"));

  private static ReasoningPart signed(String text, String signature) {
    return new ReasoningPart(text, GeminiResponseDecoder.signatureData(signature, ""));
  }

  @Test
  void theRecordedToolTurnIsReproducedFromTheDecodedAnswer() {
    var cassette = RecordedCassette.load("gemini", "TestGoogleCommon/gemini-2.5-flash/multi_tool");
    var counter = new java.util.concurrent.atomic.AtomicInteger();
    var answer =
        new GeminiResponseDecoder(() -> Integer.toString(counter.incrementAndGet()))
            .decode(cassette.interaction(0).responseBody(), List.of());
    var schema =
        json(
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\",\"description\":"
                + "\"first number\"},\"b\":{\"type\":\"integer\",\"description\":\"second"
                + " number\"}},\"required\":[\"a\",\"b\"]}");
    var prompt =
        Prompt.of(
            Message.system(
                "You are a helpful assistant. CRITICAL: Always use both add and multiply at the"
                    + " same time ALWAYS."),
            Message.user("Add and multiply the number 2 and 3"),
            Message.assistant(answer.content()),
            Message.tool(
                List.of(
                    ToolResultPart.of("1", "add", ToolOutput.text("5")),
                    ToolResultPart.of("2", "multiply", ToolOutput.text("6")))));
    var call =
        Call.builder(prompt)
            .maxOutputTokens(4000)
            .tools(
                List.of(
                    FunctionToolSpec.of("add", "Add two numbers", schema),
                    FunctionToolSpec.of("multiply", "Multiply two numbers", schema)))
            .toolChoice(ToolChoice.auto())
            .build();
    assertThat(tree(gemini.encode(call, "gemini-2.5-flash")))
        .isEqualTo(cassette.interaction(1).request());
  }

  @Test
  void systemTextAndInlineFiles() {
    var call =
        Call.of(
            Prompt.of(
                Message.system("one", "two"),
                Message.user("Describe", FilePart.of("a.png", "image/png", new byte[] {1, 2, 3})),
                Message.user(List.of(FilePart.ofUrl("gs://b/doc.pdf", "application/pdf")))));
    JsonNode body = tree(gemini.encode(call, "gemini-2.5-pro"));
    assertThat(body.path("systemInstruction"))
        .isEqualTo(
            RecordedCassette.plainTree("{\"parts\":[{\"text\":\"one\\ntwo\"}],\"role\":\"user\"}"));
    assertThat(body.path("contents")).hasSize(1);
    JsonNode parts = body.path("contents").path(0).path("parts");
    assertThat(parts.path(1).path("inlineData").path("data").asText()).isEqualTo("AQID");
    assertThat(parts.path(1).path("inlineData").path("mimeType").asText()).isEqualTo("image/png");
    assertThat(parts.path(2).path("fileData").path("fileUri").asText()).isEqualTo("gs://b/doc.pdf");
    assertThat(body.has("generationConfig")).isFalse();
  }

  @Test
  void gemmaModelsGetTheSystemTextBeforeTheFirstUserMessage() {
    var call = Call.of(Prompt.of("Be brief", "Hi"));
    JsonNode body = tree(gemini.encode(call, "gemma-3-27b-it"));
    assertThat(body.has("systemInstruction")).isFalse();
    assertThat(body.path("contents").path(0).path("parts").path(0).path("text").asText())
        .isEqualTo("Be brief\n\n");
  }

  @Test
  void eachSignatureGoesOnThePartAfterItsReasoningAlsoWithParallelCalls() {
    var call =
        Call.of(
            Prompt.of(
                Message.user("go"),
                Message.assistant(
                    List.of(
                        signed("thinking about it", "SIG-A"),
                        ToolCallPart.of("1", "add", "{\"a\":2}"),
                        signed("", "SIG-B"),
                        ToolCallPart.of("2", "multiply", "{\"a\":2}"),
                        ToolCallPart.of("3", "add", "{}"),
                        signed("", "SIG-C"),
                        TextPart.of("done")))));
    JsonNode parts = tree(gemini.encode(call, "m")).path("contents").path(1).path("parts");
    assertThat(parts).hasSize(4);
    assertThat(parts.path(0).path("thoughtSignature").asText()).isEqualTo("SIG-A");
    assertThat(parts.path(1).path("thoughtSignature").asText()).isEqualTo("SIG-B");
    assertThat(parts.path(2).has("thoughtSignature")).isFalse();
    assertThat(parts.path(3).path("text").asText()).isEqualTo("done");
    assertThat(parts.path(3).path("thoughtSignature").asText()).isEqualTo("SIG-C");
    // Thought text is never sent back.
    assertThat(parts.toString()).doesNotContain("thinking about it");
  }

  @Test
  void vertexGetsNoFunctionCallIds() {
    var call =
        Call.of(
            Prompt.of(
                Message.user("go"),
                Message.assistant(List.of(ToolCallPart.of("1", "weather", "{}"))),
                Message.tool(List.of(ToolResultPart.of("1", "weather", ToolOutput.text("40 C"))))));
    JsonNode body = tree(vertex.encode(call, "gemini-2.5-flash"));
    assertThat(body.path("contents").path(1).path("parts").path(0).path("functionCall").has("id"))
        .isFalse();
    assertThat(
            body.path("contents").path(2).path("parts").path(0).path("functionResponse").has("id"))
        .isFalse();
  }

  @Test
  void toolResultsOfEveryKind() {
    var call =
        Call.of(
            Prompt.of(
                Message.user("go"),
                Message.assistant(
                    List.of(
                        ToolCallPart.of("1", "a", "{}"),
                        ToolCallPart.of("2", "b", "not json"),
                        ToolCallPart.of("3", "c", "{}"))),
                Message.tool(
                    List.of(
                        ToolResultPart.of("1", "a", ToolOutput.json(json("{\"t\":40}"))),
                        ToolResultPart.of("2", "b", ToolOutput.error("boom")),
                        ToolResultPart.of(
                            "3", "c", ToolOutput.media(new byte[] {1}, "image/png"))))));
    GeminiRequest request = gemini.encode(call, "m");
    JsonNode body = tree(request);
    JsonNode results = body.path("contents").path(2).path("parts");
    assertThat(results).hasSize(2);
    assertThat(results.path(0).path("functionResponse").path("response"))
        .isEqualTo(RecordedCassette.plainTree("{\"result\":{\"t\":40}}"));
    assertThat(results.path(1).path("functionResponse").path("response").path("result").asText())
        .isEqualTo("boom");
    assertThat(request.warnings())
        .extracting(CallWarning::message)
        .anySatisfy(m -> assertThat(m).contains("is not a JSON object"))
        .anySatisfy(m -> assertThat(m).contains("media of type image/png"));
  }

  @Test
  void toolSchemasAreConvertedToGeminisDialect() {
    var schema =
        json(
            "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
                + "\"unit\":{\"type\":\"string\",\"enum\":[\"C\",\"F\"],\"format\":\"x\"},"
                + "\"days\":{\"type\":[\"integer\",\"null\"]},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                + "\"where\":{\"properties\":{\"lat\":{\"type\":\"number\"}},\"required\":[\"lat\"]},"
                + "\"odd\":{\"type\":\"whatever\"},"
                + "\"either\":{\"anyOf\":[{\"type\":\"boolean\"},{\"type\":\"null\"}]}},"
                + "\"required\":[\"unit\"]}");
    var call =
        Call.builder(Prompt.user("x")).tools(List.of(FunctionToolSpec.of("f", "", schema))).build();
    JsonNode parameters =
        tree(gemini.encode(call, "m"))
            .path("tools")
            .path(0)
            .path("functionDeclarations")
            .path(0)
            .path("parameters");
    assertThat(parameters)
        .isEqualTo(
            RecordedCassette.plainTree(
                "{\"type\":\"OBJECT\",\"properties\":{"
                    + "\"unit\":{\"type\":\"STRING\",\"enum\":[\"C\",\"F\"]},"
                    + "\"days\":{\"type\":\"INTEGER\",\"nullable\":true},"
                    + "\"tags\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}},"
                    + "\"where\":{\"type\":\"OBJECT\",\"properties\":{\"lat\":{\"type\":\"NUMBER\"}},"
                    + "\"required\":[\"lat\"]},"
                    + "\"odd\":{\"type\":\"STRING\"},"
                    + "\"either\":{\"anyOf\":[{\"type\":\"BOOLEAN\"}],\"nullable\":true}},"
                    + "\"required\":[\"unit\"]}"));
  }

  @Test
  void toolChoices() {
    assertThat(functionCallingConfig(ToolChoice.auto()))
        .isEqualTo(RecordedCassette.plainTree("{\"mode\":\"AUTO\"}"));
    assertThat(functionCallingConfig(null))
        .isEqualTo(RecordedCassette.plainTree("{\"mode\":\"AUTO\"}"));
    assertThat(functionCallingConfig(ToolChoice.required()))
        .isEqualTo(RecordedCassette.plainTree("{\"mode\":\"ANY\"}"));
    assertThat(functionCallingConfig(ToolChoice.none()))
        .isEqualTo(RecordedCassette.plainTree("{\"mode\":\"NONE\"}"));
    assertThat(functionCallingConfig(ToolChoice.tool("weather")))
        .isEqualTo(
            RecordedCassette.plainTree(
                "{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"weather\"]}"));
  }

  private JsonNode functionCallingConfig(ToolChoice choice) {
    var call = Call.builder(Prompt.user("x")).tools(List.of(WEATHER)).toolChoice(choice).build();
    return tree(gemini.encode(call, "m")).path("toolConfig").path("functionCallingConfig");
  }

  @Test
  void providerToolsAreReportedNotSent() {
    var call =
        Call.builder(Prompt.user("x"))
            .tools(
                List.of(
                    new ProviderToolSpec(
                        "google.search", "search", JsonObject.of(java.util.Map.of()))))
            .build();
    GeminiRequest request = gemini.encode(call, "m");
    assertThat(request.body().has("tools")).isFalse();
    assertThat(request.warnings())
        .extracting(CallWarning::kind)
        .containsExactly(CallWarning.Kind.UNSUPPORTED_TOOL);
  }

  @Test
  void aBudgetBelowTheMinimumIsRaisedWithAWarning() {
    var options = GeminiOptions.builder().thinkingBudget(100).includeThoughts(true).build();
    var call = Call.builder(Prompt.user("x")).providerOptions(options.providerData()).build();
    GeminiRequest request = gemini.encode(call, "gemini-2.5-flash");
    assertThat(tree(request).path("generationConfig"))
        .isEqualTo(
            RecordedCassette.plainTree(
                "{\"thinkingConfig\":{\"includeThoughts\":true,\"thinkingBudget\":128}}"));
    assertThat(request.warnings())
        .extracting(CallWarning::subject)
        .containsExactly("thinking_budget");
  }

  @Test
  void zeroAndDynamicBudgetsAreSentAsTheyAre() {
    for (int budget : new int[] {0, -1}) {
      var options = GeminiOptions.builder().thinkingBudget(budget).build();
      var call = Call.builder(Prompt.user("x")).providerOptions(options.providerData()).build();
      GeminiRequest request = gemini.encode(call, "m");
      assertThat(
              tree(request)
                  .path("generationConfig")
                  .path("thinkingConfig")
                  .path("thinkingBudget")
                  .asInt())
          .isEqualTo(budget);
      assertThat(request.warnings()).isEmpty();
    }
  }

  @Test
  void aLevelIsUpperCasedAndABudgetWithALevelIsAnError() {
    var level = GeminiOptions.builder().thinkingLevel("high").includeThoughts(true).build();
    var call = Call.builder(Prompt.user("x")).providerOptions(level.providerData()).build();
    assertThat(tree(gemini.encode(call, "gemini-3-pro-preview")).path("generationConfig"))
        .isEqualTo(
            RecordedCassette.plainTree(
                "{\"thinkingConfig\":{\"includeThoughts\":true,\"thinkingLevel\":\"HIGH\"}}"));
    var both = GeminiOptions.builder().thinkingLevel("HIGH").thinkingBudget(200).build();
    assertThatThrownBy(
            () ->
                gemini.encode(
                    Call.builder(Prompt.user("x")).providerOptions(both.providerData()).build(),
                    "m"))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("mutually exclusive");
    var unknown = GeminiOptions.builder().thinkingLevel("EXTREME").build();
    assertThatThrownBy(
            () ->
                gemini.encode(
                    Call.builder(Prompt.user("x")).providerOptions(unknown.providerData()).build(),
                    "m"))
        .hasMessageContaining("MINIMAL, LOW, MEDIUM, HIGH");
  }

  @Test
  void safetySettingsCachedContentAndSampling() {
    var options =
        GeminiOptions.builder()
            .safetySetting("HARM_CATEGORY_HATE_SPEECH", "BLOCK_ONLY_HIGH")
            .cachedContent("cachedContents/abc")
            .build();
    var call =
        Call.builder(Prompt.user("x"))
            .temperature(0.5)
            .topK(3)
            .topP(0.9)
            .seed(7L)
            .stopSequences(List.of("END"))
            .providerOptions(options.providerData())
            .build();
    JsonNode body = tree(gemini.encode(call, "m"));
    assertThat(body.path("safetySettings"))
        .isEqualTo(
            RecordedCassette.plainTree(
                "[{\"category\":\"HARM_CATEGORY_HATE_SPEECH\",\"threshold\":\"BLOCK_ONLY_HIGH\"}]"));
    assertThat(body.path("cachedContent").asText()).isEqualTo("cachedContents/abc");
    assertThat(body.path("generationConfig"))
        .isEqualTo(
            RecordedCassette.plainTree(
                "{\"temperature\":0.5,\"topK\":3,\"topP\":0.9,\"seed\":7,\"stopSequences\":[\"END\"]}"));
  }

  @Test
  void optionsThatDoNotFitAreAClearError() {
    var call =
        Call.builder(Prompt.user("x"))
            .providerOptions(dev.reverie.ProviderData.of("google", json("{\"thinking_config\":5}")))
            .build();
    assertThatThrownBy(() -> gemini.encode(call, "m"))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("GeminiOptions");
  }

  @Test
  void objectsUseTheSchemaAsItIs() {
    var schema = json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
    var call =
        Call.builder(Prompt.user("x"))
            .maxOutputTokens(4000)
            .responseFormat(new ResponseFormat(schema, "A", "an a"))
            .build();
    assertThat(tree(gemini.encode(call, "m")).path("generationConfig"))
        .isEqualTo(
            RecordedCassette.plainTree(
                "{\"maxOutputTokens\":4000,\"responseMimeType\":\"application/json\","
                    + "\"responseJsonSchema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}"));
  }

  @Test
  void aPromptWithOnlyASystemMessageIsAnError() {
    assertThatThrownBy(() -> gemini.encode(Call.of(Prompt.of(Message.system("x"))), "m"))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("no user or assistant message");
  }
}
