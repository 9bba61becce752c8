package dev.reverie.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentObjectResult;
import dev.reverie.agent.AgentObjectStrategy;
import dev.reverie.agent.AgentObjectStream;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.ToolOutput;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.testing.ScriptedTransport;
import dev.reverie.tool.Tool;
import dev.reverie.transport.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agent answering with a typed object through the real OpenAI chat provider, over a scripted
 * exchange in the chat-completions wire format: every step carries the tools and a JSON-schema
 * response format, and the answer after the tool call streams in as typed partials. Each request
 * sent equals the fixture's.
 */
class OpenAiObjectAgentTest {
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
  void aResponseFormatAlongsideToolsStreamsTheAnswerAsPartials() {
    var cassette =
        RecordedCassette.loadResource(
            "/openai/cassettes/ReverieObjectAgent/weather-object-streaming.json");
    var transport = new ScriptedTransport();
    for (var interaction : cassette.interactions()) {
      transport.respond(
          200,
          interaction.contentType(),
          interaction.responseBody().getBytes(StandardCharsets.UTF_8),
          5);
    }
    Agent agent =
        Agent.builder(OpenAiChatStreamTest.model(transport, "gpt-4o"))
            .system("You are a helpful assistant")
            .tools(WEATHER)
            .build();

    var partials = new ArrayList<Weather>();
    AgentObjectResult<Weather> result;
    try (AgentObjectStream<Weather> stream =
        agent.streamObject(Weather.class, "What's the weather in Florence, Italy?")) {
      for (Weather partial : stream.partials()) partials.add(partial);
      result = stream.result();
    }

    assertThat(result.object()).isEqualTo(new Weather("Florence", 40));
    assertThat(result.strategy()).isEqualTo(AgentObjectStrategy.RESPONSE_FORMAT_WITH_TOOLS);
    assertThat(result.steps()).hasSize(2);
    assertThat(result.steps().get(0).toolCalls())
        .singleElement()
        .satisfies(call -> assertThat(call.toolName()).isEqualTo("weather"));
    assertThat(result.totalUsage().inputTokens() + result.totalUsage().cacheReadTokens())
        .isEqualTo(90 + 130);
    assertThat(result.totalUsage().outputTokens()).isEqualTo(18 + 12);
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
