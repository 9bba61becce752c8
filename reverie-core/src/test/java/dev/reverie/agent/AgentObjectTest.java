package dev.reverie.agent;

import static dev.reverie.agent.AgentTestSupport.model;
import static dev.reverie.agent.AgentTestSupport.weather;
import static dev.reverie.agent.ScriptedProviderModel.answer;
import static dev.reverie.agent.ScriptedProviderModel.call;
import static dev.reverie.agent.ScriptedProviderModel.text;
import static dev.reverie.agent.ScriptedProviderModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.ObjectStrategy;
import dev.reverie.Usage;
import dev.reverie.error.NoObjectGeneratedException;
import dev.reverie.message.Message;
import dev.reverie.message.TextPart;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.tool.FunctionToolSpec;
import dev.reverie.tool.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Agents that answer with a typed object, over a scripted model, generated and streamed. */
class AgentObjectTest {
  record Weather(String city, Integer temperatureC) {}

  private static final String QUESTION = "What's the weather in Florence?";

  private static ScriptedProviderModel.Answer objectText() {
    return answer(
        FinishReason.STOP,
        Usage.of(20, 8),
        TextPart.of("{\"city\":\"Flo"),
        TextPart.of("rence\",\"temperature_c\":40}"));
  }

  private static Agent agent(ScriptedProviderModel scripted) {
    return Agent.builder(model(scripted)).system("Be brief").tools(weather()).build();
  }

  private static AgentObjectResult<Weather> run(
      Agent agent, boolean streaming, List<Weather> partials) {
    if (!streaming) return agent.generateObject(Weather.class, QUESTION);
    try (AgentObjectStream<Weather> stream = agent.streamObject(Weather.class, QUESTION)) {
      for (Weather partial : stream.partials()) partials.add(partial);
      return stream.result();
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void withAResponseFormatAlongsideToolsTheLastAnswerIsTheObject(boolean streaming) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"Florence\"}")), objectText());
    scripted.capabilities = ModelCapabilities.nativeJson();
    var partials = new ArrayList<Weather>();

    AgentObjectResult<Weather> result = run(agent(scripted), streaming, partials);

    assertThat(result.object()).isEqualTo(new Weather("Florence", 40));
    assertThat(result.strategy()).isEqualTo(AgentObjectStrategy.RESPONSE_FORMAT_WITH_TOOLS);
    assertThat(result.steps()).hasSize(2);
    assertThat(result.steps().get(0).toolResults()).hasSize(1);
    assertThat(result.totalUsage()).isEqualTo(Usage.of(10, 5).plus(Usage.of(20, 8)));
    assertThat(scripted.calls).hasSize(2);
    for (Call call : scripted.calls) {
      assertThat(call.responseFormat()).isNotNull();
      assertThat(call.responseFormat().name()).isEqualTo("Weather");
      assertThat(call.tools()).extracting("name").containsExactly("weather");
    }
    if (streaming) {
      assertThat(partials).isNotEmpty();
      assertThat(partials.get(0).temperatureC()).isNull();
      assertThat(partials.get(partials.size() - 1)).isEqualTo(new Weather("Florence", 40));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void withoutItALastStepWithoutToolsForcesTheObjectTool(boolean streaming) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"Florence\"}")),
            text("It is 40 C in Florence."),
            toolCalls(call("o1", "Weather", "{\"city\":\"Florence\",\"temperature_c\":40}")));
    var partials = new ArrayList<Weather>();

    AgentObjectResult<Weather> result = run(agent(scripted), streaming, partials);

    assertThat(result.object()).isEqualTo(new Weather("Florence", 40));
    assertThat(result.strategy()).isEqualTo(AgentObjectStrategy.FINAL_OBJECT_STEP);
    assertThat(result.steps()).hasSize(2);
    assertThat(result.totalUsage()).isEqualTo(Usage.of(30, 15));
    assertThat(scripted.calls).hasSize(3);
    Call objectStep = scripted.calls.get(2);
    assertThat(objectStep.tools()).singleElement().isInstanceOf(FunctionToolSpec.class);
    assertThat(objectStep.tools().get(0).name()).isEqualTo("Weather");
    assertThat(objectStep.toolChoice()).isEqualTo(ToolChoice.tool("Weather"));
    List<Message> sent = objectStep.prompt().messages();
    assertThat(sent).extracting(Message::text).doesNotContain("It is 40 C in Florence.");
    assertThat(sent.get(0).text()).isEqualTo("Be brief");
    assertThat(sent).hasSize(4); // system, user, assistant tool call, tool result
    if (streaming) {
      assertThat(partials).last().isEqualTo(new Weather("Florence", 40));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aModelThatKeepsCallingToolsEndsWithTheSteps(boolean streaming) {
    var scripted =
        ScriptedProviderModel.repeating(toolCalls(call("c", "weather", "{\"location\":\"X\"}")));
    scripted.capabilities = ModelCapabilities.nativeJson();
    Agent agent = agent(scripted).toBuilder().maxSteps(3).build();

    assertThatThrownBy(() -> run(agent, streaming, new ArrayList<>()))
        .isInstanceOf(NoObjectGeneratedException.class)
        .isInstanceOfSatisfying(
            NoObjectFromAgentException.class,
            e -> {
              assertThat(e.steps()).hasSize(3);
              assertThat(e.totalUsage()).isEqualTo(Usage.of(30, 15));
              assertThat(e).hasMessageContaining("still calling tools");
            });
    assertThat(scripted.calls).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aModelThatAnswersInProseEndsWithTheSteps(boolean streaming) {
    var scripted = new ScriptedProviderModel(text("Sunny, I think."));
    scripted.capabilities = ModelCapabilities.nativeJson();

    assertThatThrownBy(() -> run(agent(scripted), streaming, new ArrayList<>()))
        .isInstanceOfSatisfying(
            NoObjectFromAgentException.class,
            e -> {
              assertThat(e.steps()).hasSize(1);
              assertThat(e.rawText()).isEqualTo("Sunny, I think.");
            });
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aModelThatWillNotCallTheObjectToolEndsWithTheStepsAndTheObjectStepUsage(boolean streaming) {
    var scripted = new ScriptedProviderModel(text("Sunny."), text("Still sunny."));

    assertThatThrownBy(() -> run(agent(scripted), streaming, new ArrayList<>()))
        .isInstanceOfSatisfying(
            NoObjectFromAgentException.class,
            e -> {
              assertThat(e.steps()).hasSize(1);
              assertThat(e.totalUsage()).isEqualTo(Usage.of(20, 10));
            });
    assertThat(scripted.calls).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aMalformedObjectIsRepairedAsStreamObjectRepairsIt(boolean streaming) {
    var scripted =
        new ScriptedProviderModel(text("```json\n{\"city\":\"Florence\",\"temperature_c\":40,"));
    scripted.capabilities = ModelCapabilities.nativeJson();

    AgentObjectResult<Weather> result = run(agent(scripted), streaming, new ArrayList<>());

    assertThat(result.object()).isEqualTo(new Weather("Florence", 40));
    assertThat(result.objectResult().repaired()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAgentMayChooseTheObjectStepsStrategy(boolean streaming) {
    var scripted =
        new ScriptedProviderModel(
            text("Sunny and 40 C."), text("{\"city\":\"Florence\",\"temperature_c\":40}"));
    Agent agent =
        agent(scripted).toBuilder().objectStrategy(ObjectStrategy.SCHEMA_IN_PROMPT).build();

    AgentObjectResult<Weather> result = run(agent, streaming, new ArrayList<>());

    assertThat(result.object()).isEqualTo(new Weather("Florence", 40));
    Call objectStep = scripted.calls.get(1);
    assertThat(objectStep.tools()).isEmpty();
    assertThat(objectStep.toolChoice()).isNull();
    assertThat(objectStep.prompt().messages().get(0).text())
        .startsWith("Be brief")
        .contains("You must respond with valid JSON");
  }

  @org.junit.jupiter.api.Test
  void aStrategyTheModelDoesNotSupportFailsBeforeAnyCall() {
    var scripted = new ScriptedProviderModel(text("{}"));
    Agent agent =
        agent(scripted).toBuilder().objectStrategy(ObjectStrategy.RESPONSE_FORMAT).build();

    assertThatThrownBy(() -> agent.generateObject(Weather.class, QUESTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RESPONSE_FORMAT");
    assertThat(scripted.calls).isEmpty();
  }
}
