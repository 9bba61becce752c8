package dev.reverie.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.Usage;
import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentObjectResult;
import dev.reverie.agent.AgentObjectStrategy;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.ToolOutput;
import dev.reverie.testing.CutScriptedTransport;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.tool.Tool;
import dev.reverie.transport.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agent answering with a typed object through the real Anthropic provider, over a scripted
 * exchange in the Messages wire format: the tool loop, then a last step that forces the object tool
 * (Anthropic takes no response format alongside tools). Each request sent equals the fixture's.
 */
class AnthropicObjectAgentTest {
  record Weather(String city, Integer temperatureC) {}

  private static final Tool WEATHER =
      Tool.of(
          "weather",
          "Get weather information for a location",
          (JsonObject)
              JsonValue.parse(
                  "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
                      + "\"description\":\"the city\"}},\"required\":[\"location\"]}"),
          invocation -> ToolOutput.text("40 C"));

  @Test
  void theToolLoopThenAForcedObjectTool() {
    var cassette =
        RecordedCassette.loadResource(
            "/anthropic/cassettes/ReverieObjectAgent/weather-object.json");
    var transport = new CutScriptedTransport();
    for (var interaction : cassette.interactions()) {
      transport.respond(200, interaction.contentType(), interaction.responseBody());
    }
    var model =
        Anthropic.builder()
            .apiKey("test-key")
            .transport(transport)
            .build()
            .languageModel("claude-sonnet-4-20250514");
    Agent agent =
        Agent.builder(model)
            .system("You are a helpful assistant")
            .maxOutputTokens(4000)
            .tools(WEATHER)
            .build();

    AgentObjectResult<Weather> result =
        agent.generateObject(Weather.class, "What's the weather in Florence, Italy?");

    assertThat(result.object()).isEqualTo(new Weather("Florence", 40));
    assertThat(result.strategy()).isEqualTo(AgentObjectStrategy.FINAL_OBJECT_STEP);
    assertThat(result.steps()).hasSize(2);
    assertThat(result.totalUsage().inputTokens()).isEqualTo(400 + 480 + 500);
    assertThat(result.totalUsage().outputTokens()).isEqualTo(50 + 12 + 30);
    assertThat(result.objectResult().usage()).isEqualTo(Usage.of(500, 30));
    List<HttpRequest> sent = transport.requests();
    assertThat(sent).hasSameSizeAs(cassette.interactions());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(sent.get(i).uri().toString()).isEqualTo(cassette.interaction(i).url());
      assertThat(RecordedCassette.plainTree(sent.get(i).bodyText()))
          .as("request %d: %s", i, sent.get(i).bodyText())
          .isEqualTo(cassette.interaction(i).request());
    }
  }

  @Test
  void streamedTheObjectToolsInputArrivesAsPartials() {
    var cassette =
        RecordedCassette.loadResource(
            "/anthropic/cassettes/ReverieObjectAgent/weather-object-streaming.json");
    var transport = new CutScriptedTransport();
    for (var interaction : cassette.interactions()) {
      transport.respondChunked(interaction.contentType(), interaction.responseBody(), 7);
    }
    var model =
        Anthropic.builder()
            .apiKey("test-key")
            .transport(transport)
            .build()
            .languageModel("claude-sonnet-4-20250514");
    Agent agent =
        Agent.builder(model)
            .system("You are a helpful assistant")
            .maxOutputTokens(4000)
            .tools(WEATHER)
            .build();

    var partials = new java.util.ArrayList<Weather>();
    AgentObjectResult<Weather> result;
    try (var stream = agent.streamObject(Weather.class, "What's the weather in Florence, Italy?")) {
      for (Weather partial : stream.partials()) partials.add(partial);
      result = stream.result();
    }

    assertThat(result.object()).isEqualTo(new Weather("Florence", 40));
    assertThat(result.steps()).hasSize(2);
    assertThat(result.totalUsage().outputTokens()).isEqualTo(50 + 12 + 30);
    assertThat(partials).extracting(Weather::city).contains("Flor", "Florence");
    assertThat(partials.get(partials.size() - 1)).isEqualTo(new Weather("Florence", 40));
    List<HttpRequest> sent = transport.requests();
    assertThat(sent).hasSameSizeAs(cassette.interactions());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(sent.get(i).uri().toString()).isEqualTo(cassette.interaction(i).url());
      assertThat(RecordedCassette.plainTree(sent.get(i).bodyText()))
          .as("request %d: %s", i, sent.get(i).bodyText())
          .isEqualTo(cassette.interaction(i).request());
    }
  }
}
