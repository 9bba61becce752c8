package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.Providers;
import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentListener;
import dev.reverie.agent.AgentResult;
import dev.reverie.conversation.ConversationJson;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import dev.reverie.message.ToolOutput;
import dev.reverie.provider.openrouter.OpenRouterOptions;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.tool.Tool;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recorded tool conversations (OpenAI chat; OpenRouter with Anthropic reasoning details), stopped
 * after the first step, stored with {@code ConversationJson}, read back and continued by a fresh
 * agent: every request matches the recording, which the replay checks, and the answer is the
 * recorded one.
 */
class StoredConversationReplayTest {
  private static final String SYSTEM = "You are a helpful assistant";

  private static final Tool WEATHER =
      Tool.of(
          "weather",
          "Get weather information for a location",
          (JsonObject)
              JsonValue.parse(
                  "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
                      + "\"description\":\"the city\"}},\"required\":[\"location\"]}"),
          invocation -> ToolOutput.text("40 C"));

  private static AgentResult run(Agent agent, Prompt input, boolean streaming) {
    return streaming ? agent.stream(input, new AgentListener() {}) : agent.generate(input);
  }

  @ParameterizedTest
  @CsvSource({
    "TestOpenAICommon/openai-gpt-4o/tool.yaml, openai, gpt-4o, false",
    "TestOpenAICommon/openai-gpt-4o/tool_streaming.yaml, openai, gpt-4o, true",
    "TestOpenRouterThinking/anthropic/thinking.yaml, openrouter, anthropic/claude-haiku-4.5, false",
    "TestOpenRouterThinking/anthropic/thinking-streaming.yaml, openrouter,"
        + " anthropic/claude-haiku-4.5, true",
  })
  void aStoredConversationContinuesAsRecorded(
      String cassette, String provider, String modelId, boolean streaming) {
    var replay = ReplayTransport.load(TestCassettes.path(cassette));
    LanguageModel model =
        Providers.provider(
                provider, ProviderSettings.builder().apiKey("test-key").transport(replay).build())
            .languageModel(modelId);
    boolean thinking = provider.equals("openrouter");
    String question =
        thinking
            ? "What's the weather in Florence, Italy?"
            : "What's the weather in Florence,Italy?";
    UnaryOperator<Agent.Builder> settings =
        b -> {
          b.system(SYSTEM).tools(WEATHER);
          if (thinking) {
            b.providerOptions(
                OpenRouterOptions.builder().reasoningEffort("medium").build().providerData());
          } else {
            b.maxOutputTokens(4000);
          }
          return b;
        };

    AgentResult first =
        run(
            settings.apply(Agent.builder(model)).maxSteps(1).build(),
            Prompt.user(question),
            streaming);
    String stored = ConversationJson.write(Prompt.user(question).plus(first.messages()));

    Prompt conversation = ConversationJson.readPrompt(stored);
    AgentResult continued =
        run(settings.apply(Agent.builder(model)).build(), conversation, streaming);

    assertThat(replay.checks())
        .hasSize(2)
        .allSatisfy(check -> assertThat(check.matched()).isTrue());
    assertThat(replay.allUsed()).isTrue();
    assertThat(continued.text()).contains("40");
    if (thinking) assertThat(stored).contains("reasoning_details");
  }
}
