package dev.reverie.codec.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonValue;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.Role;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolChoice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request mapping rules beyond what the recordings exercise. */
class AnthropicRequestEncoderTest {
  private static final AnthropicRequestEncoder ENCODER = new AnthropicRequestEncoder();
  private static final FunctionToolSpec TOOL =
      FunctionToolSpec.of("lookup", "Look something up", Json.value(Json.object()));

  private static AnthropicRequest encode(Call call) {
    return ENCODER.encode(call, "claude-test", false);
  }

  private static JsonNode body(Call call) {
    return RecordedCassette.plainTree(Json.write(encode(call).body()));
  }

  private static JsonNode json(String text) {
    return RecordedCassette.plainTree(text);
  }

  private static Call withTools(ToolChoice choice, AnthropicOptions options) {
    var builder = Call.builder(Prompt.user("q")).tools(List.of(TOOL)).toolChoice(choice);
    if (options != null) builder.providerOptions(options.providerData());
    return builder.build();
  }

  @Test
  void minimalBodyHasModelDefaultMaxTokensAndMessages() {
    assertThat(body(Call.of(Prompt.user("hi"))))
        .isEqualTo(
            json(
                "{\"model\":\"claude-test\",\"max_tokens\":4096,\"messages\":[{\"role\":\"user\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}"));
    assertThat(
            ENCODER.encode(Call.of(Prompt.user("hi")), "m", true).body().path("stream").asBoolean())
        .isTrue();
  }

  @Test
  void aNullModelIdLeavesModelOutForEndpointsThatTakeItFromTheUrl() {
    assertThat(ENCODER.encode(Call.of(Prompt.user("hi")), null, false).body().has("model"))
        .isFalse();
  }

  @Test
  void toolChoiceVariants() {
    var disable = AnthropicOptions.builder().disableParallelToolUse(true).build();
    assertThat(body(withTools(ToolChoice.auto(), null)).get("tool_choice"))
        .isEqualTo(json("{\"type\":\"auto\",\"disable_parallel_tool_use\":false}"));
    assertThat(body(withTools(ToolChoice.required(), disable)).get("tool_choice"))
        .isEqualTo(json("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"));
    assertThat(body(withTools(ToolChoice.tool("lookup"), null)).get("tool_choice"))
        .isEqualTo(
            json("{\"type\":\"tool\",\"name\":\"lookup\",\"disable_parallel_tool_use\":false}"));
    assertThat(body(withTools(ToolChoice.none(), null)).get("tool_choice"))
        .isEqualTo(json("{\"type\":\"none\"}"));
    assertThat(body(withTools(null, null)).has("tool_choice")).isFalse();
    assertThat(body(withTools(null, disable)).get("tool_choice"))
        .isEqualTo(json("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
  }

  @Test
  void toolChoiceWithoutToolsIsDroppedWithAWarning() {
    var request = encode(Call.builder(Prompt.user("q")).toolChoice(ToolChoice.required()).build());
    assertThat(request.body().has("tool_choice")).isFalse();
    assertThat(request.body().has("tools")).isFalse();
    assertThat(request.warnings()).extracting(CallWarning::subject).containsExactly("tool_choice");
  }

  @Test
  void functionToolGetsObjectTypeAndCacheControl() {
    var tool =
        new FunctionToolSpec("lookup", "", Json.value(Json.object()), AnthropicCaching.ephemeral());
    assertThat(body(Call.builder(Prompt.user("q")).tools(List.of(tool)).build()).get("tools"))
        .isEqualTo(
            json(
                "[{\"name\":\"lookup\",\"input_schema\":{\"type\":\"object\"},"
                    + "\"cache_control\":{\"type\":\"ephemeral\"}}]"));
  }

  @Test
  void providerToolsMapToTypedDefinitionsAndForeignOnesWarn() {
    ObjectNode floatArgs =
        Json.object().put("display_width_px", 1920.0).put("display_height_px", 1080.0);
    var tools =
        List.of(
            AnthropicTools.webSearch(
                new WebSearchOptions(
                    3,
                    List.of("example.com"),
                    null,
                    new WebSearchOptions.UserLocation("Paris", null, "FR", "Europe/Paris"))),
            new ProviderToolSpec("anthropic.computer_20250124", "computer", Json.value(floatArgs)),
            new ProviderToolSpec("openai.web_search", "web_search", null));
    var request = encode(Call.builder(Prompt.user("q")).tools(tools).build());
    assertThat(RecordedCassette.plainTree(Json.write(request.body().get("tools"))))
        .isEqualTo(
            json(
                "[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":3,"
                    + "\"allowed_domains\":[\"example.com\"],\"user_location\":{\"type\":\"approximate\","
                    + "\"city\":\"Paris\",\"country\":\"FR\",\"timezone\":\"Europe/Paris\"}},"
                    + "{\"type\":\"computer_20250124\",\"name\":\"computer\",\"display_width_px\":1920,"
                    + "\"display_height_px\":1080}]"));
    assertThat(Json.write(request.body().get("tools"))).contains("\"display_width_px\":1920,");
    assertThat(request.betas()).containsExactly("computer-use-2025-01-24");
    assertThat(request.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.kind()).isEqualTo(CallWarning.Kind.UNSUPPORTED_TOOL));
  }

  @Test
  void cacheControlOnPartMessageAndSystem() {
    var system =
        new Message(
            Role.SYSTEM, List.of(TextPart.of("a"), TextPart.of("b")), AnthropicCaching.ephemeral());
    var user =
        Message.user(
            List.of(
                new TextPart("cached part", AnthropicCaching.ephemeral()), TextPart.of("plain")));
    JsonNode body = body(Call.of(Prompt.of(system, user)));
    assertThat(body.at("/system/0/cache_control").isMissingNode()).isTrue();
    assertThat(body.at("/system/1/cache_control/type").asText()).isEqualTo("ephemeral");
    assertThat(body.at("/messages/0/content/0/cache_control/type").asText()).isEqualTo("ephemeral");
    assertThat(body.at("/messages/0/content/1/cache_control").isMissingNode()).isTrue();
  }

  @Test
  void consecutiveTurnsMergeAndToolResultsJoinTheUserTurn() {
    var call = ToolCallPart.of("t1", "lookup", "{\"q\":1}");
    var prompt =
        Prompt.of(
            Message.user("one"),
            Message.user("two"),
            Message.assistant(List.of(TextPart.of("calling"), call)),
            Message.tool(List.of(ToolResultPart.of("t1", "lookup", ToolOutput.error("boom")))),
            Message.user("three"));
    JsonNode messages = body(Call.of(prompt)).get("messages");
    assertThat(messages).hasSize(3);
    assertThat(messages.at("/0/content")).hasSize(2);
    assertThat(messages.at("/1/content/1"))
        .isEqualTo(
            json("{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"lookup\",\"input\":{\"q\":1}}"));
    assertThat(messages.get(2))
        .isEqualTo(
            json(
                "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"is_error\":true},"
                    + "{\"type\":\"text\",\"text\":\"three\"}]}"));
  }

  @Test
  void toolResultOutputs() {
    var prompt =
        Prompt.of(
            Message.assistant(
                List.of(
                    ToolCallPart.of("a", "x", "{}"),
                    ToolCallPart.of("b", "x", "{}"),
                    ToolCallPart.of("c", "x", "{}"))),
            Message.tool(
                List.of(
                    ToolResultPart.of(
                        "a", "x", ToolOutput.json(JsonValue.fromJsonNode(json("{\"k\":[1,2]}")))),
                    ToolResultPart.of(
                        "b",
                        "x",
                        new ToolOutput.Media(new byte[] {1, 2, 3}, "image/jpeg", "a photo")),
                    ToolResultPart.of("c", "x", ToolOutput.media(new byte[] {1}, "audio/wav")))));
    var request = encode(Call.of(prompt));
    JsonNode results =
        RecordedCassette.plainTree(Json.write(request.body().at("/messages/1/content")));
    assertThat(results.at("/0/content/0/text").asText()).isEqualTo("{\"k\":[1,2]}");
    assertThat(results.at("/1/content"))
        .isEqualTo(
            json(
                "[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\","
                    + "\"data\":\"AQID\"}},{\"type\":\"text\",\"text\":\"a photo\"}]"));
    assertThat(results.at("/2/content").isMissingNode()).isTrue();
    assertThat(request.warnings())
        .extracting(CallWarning::message)
        .anyMatch(m -> m.contains("audio/wav"));
  }

  @Test
  void filesMapToImagesAndDocuments() {
    var prompt =
        Prompt.of(
            Message.user(
                "look",
                FilePart.ofUrl("https://example.com/cat.png", "image/png"),
                FilePart.of("report.pdf", "application/pdf", new byte[] {'%', 'P'}),
                FilePart.of("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                FilePart.of("song.mp3", "audio/mpeg", new byte[] {1})));
    var request = encode(Call.of(prompt));
    JsonNode content =
        RecordedCassette.plainTree(Json.write(request.body().at("/messages/0/content")));
    assertThat(content).hasSize(4);
    assertThat(content.get(1))
        .isEqualTo(
            json(
                "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.png\"}}"));
    assertThat(content.get(2))
        .isEqualTo(
            json(
                "{\"type\":\"document\",\"title\":\"report.pdf\",\"source\":{\"type\":\"base64\","
                    + "\"media_type\":\"application/pdf\",\"data\":\"JVA=\"}}"));
    assertThat(content.get(3))
        .isEqualTo(
            json(
                "{\"type\":\"document\",\"title\":\"notes.txt\",\"source\":{\"type\":\"text\","
                    + "\"media_type\":\"text/plain\",\"data\":\"hello\"}}"));
    assertThat(request.warnings())
        .extracting(CallWarning::message)
        .anyMatch(m -> m.contains("audio/mpeg"));
  }

  @Test
  void reasoningReplaysSignedRedactedOrNotAtAll() {
    var signed = new ReasoningPart("hmm", anthropic("signature", "sig"));
    var redacted = new ReasoningPart("", anthropic("redacted_data", "opaque"));
    var unsigned = ReasoningPart.of("from another provider");
    var prompt =
        Prompt.of(
            Message.user("q"),
            Message.assistant(List.of(signed, redacted, unsigned, TextPart.of("a"))));
    var request = encode(Call.of(prompt));
    assertThat(RecordedCassette.plainTree(Json.write(request.body().at("/messages/1/content"))))
        .isEqualTo(
            json(
                "[{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"sig\"},"
                    + "{\"type\":\"redacted_thinking\",\"data\":\"opaque\"},{\"type\":\"text\",\"text\":\"a\"}]"));
    assertThat(request.warnings()).hasSize(1);

    var noReasoning =
        encode(
            Call.builder(prompt)
                .providerOptions(
                    AnthropicOptions.builder().sendReasoning(false).build().providerData())
                .build());
    assertThat(noReasoning.body().at("/messages/1/content")).hasSize(1);
    assertThat(noReasoning.warnings()).extracting(CallWarning::subject).contains("send_reasoning");
  }

  @Test
  void providerExecutedCallAndResultReplayTheRecordedBlock() {
    ObjectNode block =
        (ObjectNode)
            json(
                "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srv_1\",\"content\":[{\"type\":"
                    + "\"web_search_result\",\"url\":\"https://a\",\"title\":\"A\",\"encrypted_content\":\"E\"}]}");
    ObjectNode data = Json.object();
    data.set(AnthropicResponseDecoder.RESULT_BLOCK, block);
    var call =
        new ToolCallPart("srv_1", "web_search", "{\"query\":\"q\"}", true, ProviderData.EMPTY);
    var result =
        new ToolResultPart(
            "srv_1",
            "web_search",
            ToolOutput.json(Json.value(Json.object())),
            true,
            ProviderData.of("anthropic", data));
    var prompt =
        Prompt.of(
            Message.user("q"),
            Message.assistant(
                List.of(call, result, SourcePart.url("https://a", "https://a", "A"))));
    JsonNode content = body(Call.of(prompt)).at("/messages/1/content");
    assertThat(content.get(0))
        .isEqualTo(
            json(
                "{\"type\":\"server_tool_use\",\"id\":\"srv_1\",\"name\":\"web_search\",\"input\":{\"query\":\"q\"}}"));
    assertThat(content.get(1)).isEqualTo(RecordedCassette.plainTree(Json.write(block)));
    assertThat(content).hasSize(2);
  }

  @Test
  void malformedToolInputIsSentAsAnEmptyObjectWithAWarning() {
    var prompt =
        Prompt.of(
            Message.user("q"), Message.assistant(List.of(ToolCallPart.of("t", "x", "{\"a\":"))));
    var request = encode(Call.of(prompt));
    assertThat(request.body().at("/messages/1/content/0/input")).isEqualTo(Json.object());
    assertThat(request.warnings()).hasSize(1);
  }

  @Test
  void thinkingDropsSamplingSettingsWithWarnings() {
    var call =
        Call.builder(Prompt.user("q"))
            .temperature(0.5)
            .topP(0.9)
            .topK(5)
            .providerOptions(AnthropicOptions.thinking(2048).providerData())
            .build();
    var request = encode(call);
    assertThat(request.body().get("thinking"))
        .isEqualTo(json("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
    assertThat(request.body().has("temperature")).isFalse();
    assertThat(request.warnings())
        .extracting(CallWarning::subject)
        .containsExactly("temperature", "top_p", "top_k");
  }

  @Test
  void defaultMaxTokensMakeRoomForALargeThinkingBudget() {
    Call small =
        Call.builder(Prompt.user("q"))
            .providerOptions(AnthropicOptions.thinking(4000).providerData())
            .build();
    Call large =
        Call.builder(Prompt.user("q"))
            .providerOptions(AnthropicOptions.thinking(10000).providerData())
            .build();
    assertThat(encode(small).body().get("max_tokens").asInt()).isEqualTo(4096);
    assertThat(encode(large).body().get("max_tokens").asInt()).isEqualTo(14096);
    assertThat(
            encode(large.toBuilder().maxOutputTokens(20000).build())
                .body()
                .get("max_tokens")
                .asInt())
        .isEqualTo(20000);
  }

  @Test
  void samplingSettingsStopSequencesExtraBodyAndUnsupportedSettings() {
    var call =
        Call.builder(Prompt.user("q"))
            .maxOutputTokens(100)
            .temperature(0.5)
            .topP(0.9)
            .topK(5)
            .stopSequences(List.of("END"))
            .presencePenalty(1.0)
            .seed(7L)
            .providerOptions(
                AnthropicOptions.builder()
                    .extraBody(Json.value(Json.object().put("service_tier", "auto")))
                    .build()
                    .providerData())
            .build();
    var request = encode(call);
    JsonNode body = RecordedCassette.plainTree(Json.write(request.body()));
    assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
    assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
    assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
    assertThat(body.get("top_k").asInt()).isEqualTo(5);
    assertThat(body.get("stop_sequences")).isEqualTo(json("[\"END\"]"));
    assertThat(body.get("service_tier").asText()).isEqualTo("auto");
    assertThat(request.warnings())
        .extracting(CallWarning::subject)
        .containsExactly("presence_penalty", "seed");
  }

  @Test
  void lateSystemMessagesJoinTheSystemPromptWithAWarning() {
    var prompt = Prompt.of(Message.system("first"), Message.user("q"), Message.system("later"));
    var request = encode(Call.of(prompt));
    assertThat(request.body().get("system")).hasSize(2);
    assertThat(request.body().get("messages")).hasSize(1);
    assertThat(request.warnings()).hasSize(1);
  }

  @Test
  void emptyMessagesAreDroppedWithAWarning() {
    var request = encode(Call.of(Prompt.of(Message.user("q"), Message.assistant(""))));
    assertThat(request.body().get("messages")).hasSize(1);
    assertThat(request.warnings()).hasSize(1);
  }

  @Test
  void malformedOptionsFailClearly() {
    var call =
        Call.builder(Prompt.user("q"))
            .providerOptions(ProviderData.of("anthropic", Json.object().put("thinking", "lots")))
            .build();
    assertThatThrownBy(() -> encode(call))
        .isInstanceOf(ReverieException.class)
        .hasMessageContaining("AnthropicOptions");
  }

  @Test
  void optionsRoundTripThroughProviderDataWithSnakeCaseNames() {
    var options =
        AnthropicOptions.builder()
            .thinkingBudget(1024)
            .disableParallelToolUse(true)
            .sendReasoning(false)
            .build();
    ObjectNode node = Json.node(options.providerData(), "anthropic").orElseThrow();
    assertThat(RecordedCassette.plainTree(Json.write(node)))
        .isEqualTo(
            json(
                "{\"send_reasoning\":false,\"thinking\":{\"budget_tokens\":1024},"
                    + "\"disable_parallel_tool_use\":true}"));
    assertThat(options.providerData().get("anthropic", AnthropicOptions.class)).contains(options);
    assertThatThrownBy(() -> AnthropicOptions.thinking(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ProviderData anthropic(String key, String value) {
    return ProviderData.of("anthropic", Json.object().put(key, value));
  }
}
