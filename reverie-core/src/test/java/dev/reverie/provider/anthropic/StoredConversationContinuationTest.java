package dev.reverie.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentListener;
import dev.reverie.agent.AgentResult;
import dev.reverie.codec.anthropic.AnthropicOptions;
import dev.reverie.conversation.ConversationJson;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.testing.CutScriptedTransport;
import dev.reverie.testing.RecordedCassette;
import dev.reverie.tool.Tool;
import dev.reverie.transport.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recorded multi-turn conversation (Anthropic extended thinking with a tool call), interrupted
 * after its first step, stored as JSON, read back by a fresh agent and continued: the continuation
 * sends exactly the request the uninterrupted run sent (and the recording holds), signatures
 * included.
 */
class StoredConversationContinuationTest {
  private static final String MODEL = "claude-sonnet-4-20250514";
  private static final String SYSTEM = "You are a helpful assistant";
  private static final String QUESTION = "What's the weather in Florence, Italy?";

  private static final Tool WEATHER =
      Tool.of(
          "weather",
          "Get weather information for a location",
          (JsonObject)
              JsonValue.parse(
                  "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
                      + "\"description\":\"the city\"}},\"required\":[\"location\"]}"),
          invocation -> ToolOutput.text("40 C"));

  private record Replay(
      RecordedCassette cassette, CutScriptedTransport transport, Agent.Builder agent) {}

  private static Replay replay(String name) {
    var cassette = RecordedCassette.load(name);
    var transport = new CutScriptedTransport();
    for (var interaction : cassette.interactions()) {
      if (interaction.contentType().startsWith("text/event-stream")) {
        transport.respondChunked(interaction.contentType(), interaction.responseBody(), 7);
      } else {
        transport.respond(200, interaction.contentType(), interaction.responseBody());
      }
    }
    LanguageModel model =
        Anthropic.builder().apiKey("test-key").transport(transport).build().languageModel(MODEL);
    Agent.Builder agent =
        Agent.builder(model)
            .system(SYSTEM)
            .tools(WEATHER)
            .providerOptions(AnthropicOptions.thinking(4000).providerData());
    return new Replay(cassette, transport, agent);
  }

  private static AgentResult run(Agent agent, Prompt input, boolean streaming) {
    return streaming ? agent.stream(input, new AgentListener() {}) : agent.generate(input);
  }

  private static List<String> bodies(CutScriptedTransport transport) {
    return transport.requests().stream().map(HttpRequest::bodyText).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thinking", "thinking-streaming"})
  void aStoredThinkingConversationContinuesWithTheSameRequest(String scenario) {
    String name = "TestAnthropicThinking/claude-sonnet-4/" + scenario;
    boolean streaming = scenario.endsWith("streaming");

    // The uninterrupted run.
    Replay whole = replay(name);
    AgentResult uninterrupted = run(whole.agent().build(), Prompt.user(QUESTION), streaming);
    assertThat(uninterrupted.steps()).hasSize(2);

    // The same run, stopped after its first step and stored.
    Replay parts = replay(name);
    AgentResult first = run(parts.agent().maxSteps(1).build(), Prompt.user(QUESTION), streaming);
    String storedConversation =
        ConversationJson.write(Prompt.user(QUESTION).plus(first.messages()));
    String storedResult = ConversationJson.write(first);
    assertThat(storedConversation).contains("\"signature\"");

    // Later, elsewhere: read back and continue with a fresh agent.
    Prompt conversation = ConversationJson.readPrompt(storedConversation);
    assertThat(ConversationJson.readAgentResult(storedResult)).isEqualTo(first);
    assertThat(conversation.messages().get(1).parts())
        .filteredOn(ReasoningPart.class::isInstance)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.providerData().get("anthropic")).isPresent());
    AgentResult continued = run(parts.agent().build(), conversation, streaming);

    assertThat(bodies(parts.transport())).isEqualTo(bodies(whole.transport()));
    for (int i = 0; i < 2; i++) {
      assertThat(RecordedCassette.plainTree(bodies(parts.transport()).get(i)))
          .as("request %d against the recording", i)
          .isEqualTo(parts.cassette().interaction(i).request());
    }
    assertThat(continued.text()).isEqualTo(uninterrupted.text()).contains("Florence", "40");
  }

  @Test
  void theStoredFirstStepKeepsItsSignaturesExactly() {
    Replay replay = replay("TestAnthropicThinking/claude-sonnet-4/thinking");
    AgentResult first = run(replay.agent().maxSteps(1).build(), Prompt.user(QUESTION), false);
    var reasoning =
        first.finalStep().content().stream().filter(ReasoningPart.class::isInstance).toList();
    String stored = ConversationJson.write(first.finalStep());
    var back = ConversationJson.readStep(stored);
    var backReasoning = back.content().stream().filter(ReasoningPart.class::isInstance).toList();
    assertThat(backReasoning).isEqualTo(reasoning);
    assertThat(backReasoning.get(0).providerData().get("anthropic").orElseThrow().toJson())
        .isEqualTo(reasoning.get(0).providerData().get("anthropic").orElseThrow().toJson());
  }
}
