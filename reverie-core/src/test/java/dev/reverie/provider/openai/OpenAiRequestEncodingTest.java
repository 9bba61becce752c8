package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.internal.json.Json;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiRequestEncodingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OK =
      "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Oi!\"},"
          + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";

  private JsonNode send(String modelId, Call call, List<CallWarning> warningsOut) throws Exception {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var response =
        OpenAi.builder()
            .apiKey("k")
            .transport(transport)
            .build()
            .languageModel(modelId)
            .generate(call);
    warningsOut.addAll(response.warnings());
    return MAPPER.readTree(transport.requests().get(0).body());
  }

  @Test
  void simplePromptMatchesTheRecordedShape() throws Exception {
    var call =
        Call.builder(Prompt.of("You are a helpful assistant", "Say hi in Portuguese"))
            .maxOutputTokens(4000)
            .build();
    JsonNode body = send("gpt-4o", call, new java.util.ArrayList<>());
    assertThat(body)
        .isEqualTo(
            MAPPER.readTree(
                "{\"messages\":[{\"content\":\"You are a helpful assistant\",\"role\":\"system\"},"
                    + "{\"content\":\"Say hi in Portuguese\",\"role\":\"user\"}],\"model\":\"gpt-4o\",\"max_tokens\":4000}"));
  }

  @Test
  void reasoningModelsDropSamplingSettingsWithWarnings() throws Exception {
    var warnings = new java.util.ArrayList<CallWarning>();
    var call =
        Call.builder(Prompt.user("hi"))
            .maxOutputTokens(100)
            .temperature(0.2)
            .topP(0.9)
            .topK(5)
            .build();
    JsonNode body = send("gpt-5", call, warnings);
    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(100);
    assertThat(body.has("temperature")).isFalse();
    assertThat(body.has("top_p")).isFalse();
    assertThat(warnings).extracting(CallWarning::subject).contains("temperature", "topP", "topK");
  }

  @Test
  void toolTurnsEchoArgumentsVerbatimAndOneToolMessagePerResult() throws Exception {
    ObjectNode schema =
        (ObjectNode)
            MAPPER.readTree(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}},\"required\":[\"a\"]}");
    var call =
        Call.builder(
                Prompt.of(
                    Message.user("add"),
                    Message.assistant(List.of(ToolCallPart.of("call_1", "add", "{\"a\": 2}"))),
                    Message.tool(
                        List.of(ToolResultPart.of("call_1", "add", ToolOutput.text("5"))))))
            .tools(List.of(FunctionToolSpec.of("add", "Add", Json.value(schema))))
            .toolChoice(ToolChoice.tool("add"))
            .build();
    JsonNode body = send("gpt-4o", call, new java.util.ArrayList<>());
    JsonNode assistant = body.path("messages").get(1);
    assertThat(assistant.has("content")).isFalse();
    assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText())
        .isEqualTo("{\"a\": 2}");
    assertThat(body.path("messages").get(2))
        .isEqualTo(
            MAPPER.readTree("{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"5\"}"));
    assertThat(body.path("tool_choice"))
        .isEqualTo(MAPPER.readTree("{\"type\":\"function\",\"function\":{\"name\":\"add\"}}"));
    assertThat(body.path("tools").get(0).path("function").path("strict").asBoolean(true)).isFalse();
  }

  @Test
  void imagesBecomeDataUrlsAndOptionsReachTheWire() throws Exception {
    var call =
        Call.builder(
                Prompt.of(
                    Message.user(
                        "Describe", FilePart.of("a.png", "image/png", new byte[] {1, 2, 3}))))
            .providerOptions(ProviderData.of("openai", OpenAiChatOptions.reasoningEffort("high")))
            .build();
    JsonNode body = send("gpt-5", call, new java.util.ArrayList<>());
    JsonNode content = body.path("messages").get(0).path("content");
    assertThat(content.get(1).path("image_url").path("url").asText())
        .isEqualTo("data:image/png;base64,AQID");
    assertThat(body.path("reasoning_effort").asText()).isEqualTo("high");
  }

  @Test
  void retryableStatusesAreRetriedByDefault() {
    var transport =
        new ScriptedTransport()
            .respond(
                503,
                "application/json",
                "{\"error\":{\"message\":\"busy\",\"type\":\"server_error\"}}")
            .respond(200, "application/json", OK);
    var response =
        OpenAi.builder()
            .apiKey("k")
            .transport(transport)
            .retryPolicy(
                dev.reverie.RetryPolicy.defaults().withInitialDelay(java.time.Duration.ofMillis(1)))
            .build()
            .languageModel("gpt-4o")
            .generate(Call.of(Prompt.user("hi")));
    assertThat(response.text()).isEqualTo("Oi!");
    assertThat(transport.requests()).hasSize(2);
    assertThat(transport.closedResponses()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void responsesAreDecodedWithUsage() {
    var transport = new ScriptedTransport().respond(200, "application/json", OK);
    var response =
        OpenAi.builder()
            .apiKey("k")
            .transport(transport)
            .build()
            .languageModel("gpt-4o")
            .generate(Call.of(Prompt.user("hi")));
    assertThat(response.text()).isEqualTo("Oi!");
    assertThat(response.usage().totalTokens()).isEqualTo(5);
  }
}
