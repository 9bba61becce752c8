package dev.reverie.agent;

import static dev.reverie.agent.AgentTestSupport.model;
import static dev.reverie.agent.AgentTestSupport.run;
import static dev.reverie.agent.AgentTestSupport.tool;
import static dev.reverie.agent.AgentTestSupport.weather;
import static dev.reverie.agent.ScriptedProviderModel.answer;
import static dev.reverie.agent.ScriptedProviderModel.call;
import static dev.reverie.agent.ScriptedProviderModel.text;
import static dev.reverie.agent.ScriptedProviderModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Usage;
import dev.reverie.agent.AgentTestSupport.Mode;
import dev.reverie.codec.anthropic.AnthropicCaching;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonValue;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.Role;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.stream.Finish;
import dev.reverie.stream.StepFinish;
import dev.reverie.stream.StepStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolResult;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loop: steps, messages sent, stop conditions, prepareStep, provider tools, failures. */
class AgentLoopTest {

  @ParameterizedTest
  @EnumSource(Mode.class)
  void runsToolsAndCallsTheModelAgainUntilItAnswers(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("call_1", "weather", "{\"location\": \"Florence,Italy\"}")),
            text("It is 40 C in Florence."));
    var agent =
        Agent.builder(model(scripted))
            .system("You are a helpful assistant")
            .tools(weather())
            .maxOutputTokens(4000)
            .build();

    AgentResult result = run(agent, "What's the weather in Florence,Italy?", mode);

    assertThat(result.steps()).hasSize(2);
    Step first = result.steps().get(0);
    assertThat(first.toolCalls()).extracting(ToolCallPart::toolName).containsExactly("weather");
    assertThat(first.invalidToolCalls()).isEmpty();
    assertThat(first.toolResults())
        .extracting(ToolResultPart::output)
        .containsExactly(ToolOutput.text("40 C"));
    assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(result.text()).isEqualTo("It is 40 C in Florence.");
    assertThat(result.totalUsage()).isEqualTo(Usage.of(20, 10));

    assertThat(scripted.calls).hasSize(2);
    Call firstCall = scripted.calls.get(0);
    assertThat(firstCall.maxOutputTokens()).isEqualTo(4000);
    assertThat(firstCall.toolChoice()).isEqualTo(ToolChoice.auto());
    assertThat(firstCall.tools()).extracting(t -> t.name()).containsExactly("weather");
    List<Message> second = scripted.calls.get(1).prompt().messages();
    assertThat(second)
        .extracting(Message::role)
        .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL);
    assertThat(second.get(2).parts())
        .containsExactly(call("call_1", "weather", "{\"location\": \"Florence,Italy\"}"));
    assertThat(second.get(3).parts())
        .containsExactly(ToolResultPart.of("call_1", "weather", ToolOutput.text("40 C")));
    assertThat(first.messages()).isEqualTo(second.subList(2, 4));
    assertThat(result.messages()).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void carriesProviderDataBackAndDropsEmptyTextAndSources(Mode mode) {
    ObjectNode signature = Json.object().put("signature", "sig-1");
    var reasoning = new ReasoningPart("thinking about it", ProviderData.of("anthropic", signature));
    var source = SourcePart.url("s1", "https://example.com", "Example");
    var scripted =
        new ScriptedProviderModel(
            answer(
                FinishReason.TOOL_CALLS,
                Usage.of(1, 1),
                reasoning,
                TextPart.of(""),
                source,
                new ToolCallPart(
                    "c1",
                    "weather",
                    "{\"location\":\"Rome\"}",
                    false,
                    ProviderData.of("google", Json.object().put("thought_signature", "abc")))),
            text("done"));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();

    run(agent, "weather?", mode);

    Message assistant = scripted.calls.get(1).prompt().messages().get(1);
    assertThat(assistant.role()).isEqualTo(Role.ASSISTANT);
    assertThat(assistant.parts()).hasSize(2);
    assertThat(assistant.parts().get(0)).isEqualTo(reasoning);
    assertThat(assistant.parts().get(1).providerData().get("google").map(JsonValue::toJsonNode))
        .contains(Json.object().put("thought_signature", "abc"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void stopsAtTheDefaultStepBoundWhenTheModelNeverStops(Mode mode) {
    var scripted =
        ScriptedProviderModel.repeating(toolCalls(call("c", "weather", "{\"location\":\"x\"}")));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();

    AgentResult result = run(agent, "loop", mode);

    assertThat(result.steps()).hasSize(Agent.DEFAULT_MAX_STEPS);
    assertThat(scripted.calls).hasSize(Agent.DEFAULT_MAX_STEPS);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void stopConditionsEndTheLoopEarly(Mode mode) {
    var scripted =
        ScriptedProviderModel.repeating(toolCalls(call("c", "weather", "{\"location\":\"x\"}")));
    var byCount =
        Agent.builder(model(scripted))
            .tools(weather())
            .stopWhen(StopCondition.stepCountIs(3))
            .build();
    assertThat(run(byCount, "loop", mode).steps()).hasSize(3);

    var named =
        new ScriptedProviderModel(
            toolCalls(call("a", "weather", "{\"location\":\"x\"}")),
            toolCalls(call("b", "final", "{}")),
            text("never asked"));
    var byTool =
        Agent.builder(model(named))
            .tools(weather(), tool("final", invocation -> ToolOutput.text("ok")))
            .stopWhen(StopCondition.hasToolCall("final"))
            .build();
    AgentResult result = run(byTool, "go", mode);
    assertThat(result.steps()).hasSize(2);
    assertThat(result.finalStep().toolResults()).hasSize(1);

    var tokens =
        ScriptedProviderModel.repeating(toolCalls(call("c", "weather", "{\"location\":\"x\"}")));
    var byTokens =
        Agent.builder(model(tokens))
            .tools(weather())
            .stopWhen(StopCondition.totalTokensAtLeast(30))
            .build();
    assertThat(run(byTokens, "loop", mode).steps()).hasSize(2);

    var limited =
        ScriptedProviderModel.repeating(toolCalls(call("c", "weather", "{\"location\":\"x\"}")));
    var bySteps = Agent.builder(model(limited)).tools(weather()).maxSteps(1).build();
    assertThat(run(bySteps, "loop", mode).steps()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void prepareStepChangesModelSystemToolsAndChoicePerStep(Mode mode) {
    var first = new ScriptedProviderModel(toolCalls(call("c1", "weather", "{\"location\":\"x\"}")));
    var second = ScriptedProviderModel.named("other", text("bye"));
    var plans = new ArrayList<StepPlan>();
    var agent =
        Agent.builder(model(first))
            .system("base")
            .tools(weather(), tool("time", invocation -> ToolOutput.text("noon")))
            .prepareStep(
                plan -> {
                  plans.add(plan);
                  if (plan.stepIndex() == 0) {
                    return plan.withActiveTools("weather").withToolChoice(ToolChoice.required());
                  }
                  return plan.withModel(model(second)).withSystem("changed").withoutTools();
                })
            .build();

    AgentResult result = run(agent, "hi", mode);

    assertThat(result.text()).isEqualTo("bye");
    Call firstCall = first.calls.get(0);
    assertThat(firstCall.tools()).extracting(t -> t.name()).containsExactly("weather");
    assertThat(firstCall.toolChoice()).isEqualTo(ToolChoice.required());
    assertThat(firstCall.prompt().messages().get(0)).isEqualTo(Message.system("base"));
    Call secondCall = second.calls.get(0);
    assertThat(secondCall.tools()).isEmpty();
    assertThat(secondCall.toolChoice()).isNull();
    assertThat(secondCall.prompt().messages().get(0)).isEqualTo(Message.system("changed"));
    assertThat(secondCall.prompt().messages()).hasSize(4);
    assertThat(plans).extracting(StepPlan::stepIndex).containsExactly(0, 1);
    assertThat(plans.get(1).previousSteps()).hasSize(1);
    assertThat(plans.get(1).messages())
        .extracting(Message::role)
        .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aPrepareStepCanMarkTheSystemPromptAndTheLastMessagesForCaching(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"x\"}")), text("done"));
    var agent =
        Agent.builder(model(scripted))
            .system("sys")
            .tools(weather())
            .prepareStep(plan -> plan.withPrompt(AnthropicCaching.markLastMessages(plan.prompt())))
            .build();

    run(agent, "hi", mode);

    ProviderData cached = AnthropicCaching.ephemeral();
    List<Message> first = scripted.calls.get(0).prompt().messages();
    assertThat(first)
        .containsExactly(
            Message.system("sys").withProviderData(cached),
            Message.user("hi").withProviderData(cached));
    List<Message> second = scripted.calls.get(1).prompt().messages();
    assertThat(second)
        .extracting(Message::role)
        .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL);
    assertThat(second)
        .extracting(Message::providerData)
        .containsExactly(cached, ProviderData.EMPTY, cached, cached);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSystemMessageGivenToTheAgentIsSentWithItsProviderData(Mode mode) {
    var scripted = new ScriptedProviderModel(text("done"));
    Message system = Message.system("sys").withProviderData(AnthropicCaching.ephemeral());
    var plans = new ArrayList<StepPlan>();
    var agent =
        Agent.builder(model(scripted))
            .system(system)
            .prepareStep(
                plan -> {
                  plans.add(plan);
                  return plan;
                })
            .build();

    run(agent, "hi", mode);

    assertThat(scripted.calls.get(0).prompt().messages())
        .containsExactly(system, Message.user("hi"));
    assertThat(plans.get(0).system()).containsExactly(system);
    assertThat(plans.get(0).messages()).containsExactly(Message.user("hi"));
  }

  @Test
  void aStepPlansPromptSplitsIntoLeadingSystemMessagesAndTheConversation() {
    var plan =
        new StepPlan(
            0,
            List.of(),
            model(new ScriptedProviderModel()),
            List.of(),
            List.of(Message.user("hi")),
            List.of(),
            List.of(),
            null,
            null);
    var replaced =
        plan.withPrompt(
            List.of(
                Message.system("a"),
                Message.system("b"),
                Message.user("1"),
                Message.system("late"),
                Message.user("2")));

    assertThat(replaced.system()).containsExactly(Message.system("a"), Message.system("b"));
    assertThat(replaced.messages())
        .containsExactly(Message.user("1"), Message.system("late"), Message.user("2"));
    assertThat(replaced.withPrompt(replaced.prompt())).isEqualTo(replaced);
    assertThat(replaced.withSystem("").system()).isEmpty();
    assertThat(replaced.withSystem("c").system()).containsExactly(Message.system("c"));
    assertThatThrownBy(() -> plan.withSystemMessages(List.of(Message.user("not system"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Agent.builder(plan.model()).system(Message.user("not system")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void withoutASystemPromptNoSystemMessageIsSentAndAMessageOverrideAppliesToOneStep(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"x\"}")), text("done"));
    var agent =
        Agent.builder(model(scripted))
            .tools(weather())
            .prepareStep(
                plan ->
                    plan.stepIndex() == 0
                        ? plan.withMessages(List.of(Message.user("rewritten")))
                        : plan)
            .build();

    run(agent, "original", mode);

    assertThat(scripted.calls.get(0).prompt().messages())
        .containsExactly(Message.user("rewritten"));
    assertThat(scripted.calls.get(1).prompt().messages().get(0))
        .isEqualTo(Message.user("original"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void providerExecutedToolsPassThroughAndStayInTheAssistantMessage(Mode mode) {
    var search = new ProviderToolSpec("anthropic.web_search_20250305", "web_search", null);
    var serverCall = new ToolCallPart("srv_1", "web_search", "{\"query\":\"tokyo\"}", true, null);
    var serverResult =
        new ToolResultPart("srv_1", "web_search", ToolOutput.text("results"), true, null);
    var scripted =
        new ScriptedProviderModel(
            answer(
                FinishReason.STOP, Usage.of(1, 1), serverCall, serverResult, TextPart.of("Tokyo")),
            text("Osaka"));
    var agent = Agent.builder(model(scripted)).providerTools(search).build();

    AgentResult result = run(agent, "population?", mode);

    assertThat(result.steps()).hasSize(1);
    assertThat(scripted.calls.get(0).tools()).containsExactly(search);
    assertThat(scripted.calls.get(0).toolChoice()).isEqualTo(ToolChoice.auto());
    Step step = result.finalStep();
    assertThat(step.toolCalls()).containsExactly(serverCall);
    assertThat(step.toolResults()).containsExactly(serverResult);
    assertThat(step.messages()).hasSize(1);
    assertThat(step.messages().get(0).parts())
        .containsExactly(serverCall, serverResult, TextPart.of("Tokyo"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aModelFailureEndsTheRunWithItsTypedException(Mode mode) {
    var error = new ProviderException("scripted", 400, "invalid_request", "bad", "", false, -1);
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"x\"}")),
            new ScriptedProviderModel.Failure(error));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();

    assertThatThrownBy(() -> run(agent, "hi", mode)).isSameAs(error);
  }

  @Test
  void aStreamEndingWithoutFinishIsAnIncompleteStreamError() {
    var scripted =
        new ScriptedProviderModel(
            new ScriptedProviderModel.RawParts(
                List.of(new StreamStart(List.of()), new TextDelta("0", "partial"))));
    var agent = Agent.builder(model(scripted)).build();
    var parts = new ArrayList<StreamPart>();

    try (AgentStream stream = agent.stream("hi")) {
      stream.forEach(parts::add);
      assertThatThrownBy(stream::result).isInstanceOf(IncompleteStreamException.class);
    }
    assertThat(parts.get(parts.size() - 1)).isInstanceOf(dev.reverie.stream.Error.class);
    assertThat(scripted.streamsClosed).hasValue(1);
  }

  @Test
  void theStreamYieldsEveryStepWithBoundariesAndOneFinalFinish() {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"x\"}")), text("Hello there"));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();
    var parts = new ArrayList<StreamPart>();

    AgentResult result = run(agent, "hi", Mode.STREAM, parts);

    List<String> kinds = parts.stream().map(p -> p.getClass().getSimpleName()).toList();
    assertThat(kinds)
        .containsExactly(
            "StepStart",
            "StreamStart",
            "ToolInputStart",
            "ToolInputDelta",
            "ToolInputDelta",
            "ToolInputEnd",
            "ToolCall",
            "ToolResult",
            "StepFinish",
            "StepStart",
            "StreamStart",
            "TextStart",
            "TextDelta",
            "TextDelta",
            "TextEnd",
            "StepFinish",
            "Finish");
    assertThat(((StepStart) parts.get(9)).stepIndex()).isEqualTo(1);
    var stepFinish = (StepFinish) parts.get(8);
    assertThat(stepFinish.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(stepFinish.usage()).isEqualTo(Usage.of(10, 5));
    var finish = (Finish) parts.get(parts.size() - 1);
    assertThat(finish.usage()).isEqualTo(result.totalUsage());
    assertThat(finish.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(((ToolResult) parts.get(7)).result().output()).isEqualTo(ToolOutput.text("40 C"));
    assertThat(((ToolCall) parts.get(6)).call().toolCallId()).isEqualTo("c1");
    assertThat(scripted.streamsClosed).hasValue(2);
  }

  @Test
  void generateAndStreamProduceTheSameStepsAndRequests() {
    var results = new ArrayList<AgentResult>();
    var requests = new ArrayList<List<Call>>();
    for (Mode mode : Mode.values()) {
      var scripted =
          new ScriptedProviderModel(
              answer(
                  FinishReason.TOOL_CALLS,
                  Usage.of(3, 4),
                  new ReasoningPart("hmm", ProviderData.of("x", Json.object().put("s", "1"))),
                  TextPart.of("Let me check."),
                  call("c1", "weather", "{\"location\":\"x\"}"),
                  call("c2", "nope", "{}"),
                  call("c3", "weather", "{not json")),
              text("done"));
      var agent =
          Agent.builder(model(scripted))
              .system("sys")
              .tools(
                  weather(),
                  tool(
                      "boom",
                      invocation -> {
                        throw new IllegalStateException("x");
                      }))
              .build();
      results.add(run(agent, "hi", mode));
      requests.add(List.copyOf(scripted.calls));
    }
    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(2)).isEqualTo(results.get(0));
    assertThat(requests.get(1)).isEqualTo(requests.get(0));
    assertThat(requests.get(2)).isEqualTo(requests.get(0));
  }

  @Test
  void theInputMustEndWithAUserOrToolMessage() {
    var agent = Agent.builder(model(new ScriptedProviderModel())).build();
    assertThatThrownBy(() -> agent.generate(Prompt.of(List.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> agent.generate(Prompt.of(Message.user("q"), Message.assistant("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASSISTANT");
  }

  @Test
  void toolNamesMustBeUnique() {
    var builder = Agent.builder(model(new ScriptedProviderModel())).tools(weather(), weather());
    assertThatThrownBy(builder::build).hasMessageContaining("weather");
  }

  @Test
  void aConversationCanBeContinuedWithTheResultMessages() {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"x\"}")), text("40 C"), text("ok"));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();
    AgentResult first = agent.generate("weather?");

    var history = new ArrayList<Message>();
    history.add(Message.user("weather?"));
    history.addAll(first.messages());
    history.add(Message.user("thanks"));
    agent.generate(Prompt.of(history));

    assertThat(scripted.calls.get(2).prompt().messages()).isEqualTo(history);
    List<Part> toolParts = history.get(2).parts();
    assertThat(toolParts).hasSize(1);
  }
}
