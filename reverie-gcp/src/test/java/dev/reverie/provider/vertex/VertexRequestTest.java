package dev.reverie.provider.vertex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.Call;
import dev.reverie.Prompt;
import dev.reverie.RetryPolicy;
import dev.reverie.codec.anthropic.AnthropicOptions;
import dev.reverie.message.Message;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.testing.StreamCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where Vertex sends Gemini and Claude requests, and how their bodies differ from the direct APIs.
 */
class VertexRequestTest {
  private static final String GEMINI_ANSWER =
      "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Oi\"}], \"role\": \"model\"},"
          + " \"finishReason\": \"STOP\"}]}";
  private static final String CLAUDE_ANSWER =
      "{\"id\":\"msg_vrtx_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Oi\"}],\"stop_reason\":\"end_turn\","
          + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}";

  private static Vertex vertex(ScriptedTransport transport, String location) {
    return Vertex.builder()
        .project("my-project")
        .location(location)
        .accessToken("t")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static JsonNode body(ScriptedTransport transport, int request) {
    return RecordedCassette.plainTree(transport.requests().get(request).bodyText());
  }

  @Test
  void geminiGoesToTheV1beta1PublisherPathWithoutFunctionCallIds() {
    var transport = new ScriptedTransport().respond(200, "application/json", GEMINI_ANSWER);
    var prompt =
        Prompt.of(
            Message.user("go"),
            Message.assistant(List.of(ToolCallPart.of("1", "weather", "{}"))),
            Message.tool(List.of(ToolResultPart.of("1", "weather", ToolOutput.text("40 C")))));
    var response = vertex(transport, "us-east5").languageModel("gemini-2.5-flash").generate(prompt);
    assertThat(response.text()).isEqualTo("Oi");
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo(
            "https://us-east5-aiplatform.googleapis.com/v1beta1/projects/my-project/locations/"
                + "us-east5/publishers/google/models/gemini-2.5-flash:generateContent");
    assertThat(body(transport, 0).toString()).doesNotContain("\"id\"");
  }

  @Test
  void theGlobalLocationUsesTheGlobalEndpoint() {
    var transport =
        new ScriptedTransport()
            .respond(200, "text/event-stream", "data: " + GEMINI_ANSWER + "\n\n");
    StreamCollector.drain(
        vertex(transport, "global").languageModel("gemini-2.5-pro").stream(Prompt.user("x")));
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo(
            "https://aiplatform.googleapis.com/v1beta1/projects/my-project/locations/global/"
                + "publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse");
  }

  @Test
  void claudeGoesToRawPredictWithTheVertexVersionAndNoModel() {
    var transport = new ScriptedTransport().respond(200, "application/json", CLAUDE_ANSWER);
    var call =
        Call.builder(Prompt.user("hi"))
            .providerOptions(AnthropicOptions.builder().beta("some-beta").build().providerData())
            .build();
    var response =
        vertex(transport, "us-east5").languageModel("claude-3-7-sonnet@20250219").generate(call);
    assertThat(response.text()).isEqualTo("Oi");
    assertThat(transport.requests().get(0).uri().toString())
        .isEqualTo(
            "https://us-east5-aiplatform.googleapis.com/v1/projects/my-project/locations/us-east5/"
                + "publishers/anthropic/models/claude-3-7-sonnet@20250219:rawPredict");
    JsonNode body = body(transport, 0);
    assertThat(body.has("model")).isFalse();
    assertThat(body.path("anthropic_version").asText()).isEqualTo("vertex-2023-10-16");
    assertThat(body.path("anthropic_beta").path(0).asText()).isEqualTo("some-beta");
    assertThat(transport.requests().get(0).headers().first("Authorization")).contains("Bearer t");
  }

  @Test
  void claudeStreamsFromStreamRawPredictKeepingStreamTrue() {
    String sse =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Oi\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    var transport = new ScriptedTransport().respond(200, "text/event-stream", sse);
    var result =
        StreamCollector.drain(
            vertex(transport, "us-east5").languageModel("claude-sonnet-4@20250514").stream(
                Prompt.user("hi")));
    assertThat(result.text()).isEqualTo("Oi");
    assertThat(transport.requests().get(0).uri().toString()).endsWith(":streamRawPredict");
    assertThat(body(transport, 0).path("stream").asBoolean()).isTrue();
  }

  @Test
  void theKeyAndTokenNeverShow() {
    var vertex = Vertex.builder().project("p").location("l").accessToken("secret-token");
    assertThat(vertex.toString()).doesNotContain("secret-token");
    assertThat(vertex.build().toString()).doesNotContain("secret-token");
  }
}
