package dev.reverie.agent;

import static dev.reverie.agent.AgentTestSupport.model;
import static dev.reverie.agent.AgentTestSupport.run;
import static dev.reverie.agent.AgentTestSupport.tool;
import static dev.reverie.agent.AgentTestSupport.weather;
import static dev.reverie.agent.ScriptedProviderModel.call;
import static dev.reverie.agent.ScriptedProviderModel.text;
import static dev.reverie.agent.ScriptedProviderModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.agent.AgentTestSupport.Mode;
import dev.reverie.error.CancelledException;
import dev.reverie.message.Message;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolCallRepair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tool calls within a step: validation, repair, failures, concurrency and order. */
class AgentToolCallsTest {
  // Only a safety net against hanging a broken build; never reached when the code is right.
  private static final long SAFETY_SECONDS = 30;

  private static List<ToolOutput> outputs(Step step) {
    return step.toolResults().stream().map(ToolResultPart::output).toList();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void anUnknownToolIsRecordedAsInvalidAndAnsweredWithAnError(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "wether", "{\"location\":\"x\"}")), text("sorry"));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();

    AgentResult result = run(agent, "hi", mode);

    Step step = result.steps().get(0);
    assertThat(step.invalidToolCalls()).hasSize(1);
    InvalidToolCall invalid = step.invalidToolCalls().get(0);
    assertThat(invalid.call().toolName()).isEqualTo("wether");
    assertThat(invalid.problem()).contains("tool not found: wether").contains("weather");
    assertThat(outputs(step)).containsExactly(ToolOutput.error(invalid.problem()));
    Message toolMessage = scripted.calls.get(1).prompt().messages().get(2);
    assertThat(toolMessage.parts())
        .containsExactly(ToolResultPart.of("c1", "wether", ToolOutput.error(invalid.problem())));
    assertThat(result.steps()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void unparseableArgumentsAreInvalidWhenNoRepairFixesThem(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\": oops"), call("c2", "weather", "[1]")),
            text("sorry"));
    var agent =
        Agent.builder(model(scripted))
            .tools(weather())
            .toolCallRepair(ToolCallRepair.none())
            .build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(step.invalidToolCalls())
        .extracting(InvalidToolCall::problem)
        .satisfiesExactly(
            p -> assertThat(p).startsWith("invalid JSON input for tool weather"),
            p -> assertThat(p).isEqualTo("the input of tool weather must be a JSON object"));
    assertThat(step.toolCalls())
        .extracting(ToolCallPart::input)
        .containsExactly("{\"location\": oops", "[1]");
    assertThat(outputs(step)).allMatch(ToolOutput.Error.class::isInstance);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void argumentsThatBreakTheSchemaAreInvalid(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(
                call("c1", "weather", "{\"city\":\"Rome\"}"),
                call("c2", "weather", "{\"location\":7}")),
            text("sorry"));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(step.invalidToolCalls()).hasSize(2);
    assertThat(step.invalidToolCalls().get(0).problem())
        .startsWith("the input of tool weather does not match its schema: ")
        .contains("location");
    assertThat(step.invalidToolCalls().get(1).problem()).contains("/location");
    assertThat(outputs(step))
        .containsExactly(
            ToolOutput.error(step.invalidToolCalls().get(0).problem()),
            ToolOutput.error(step.invalidToolCalls().get(1).problem()));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void malformedJsonIsRepairedByDefault(Mode mode) {
    var seen =
        new java.util.concurrent.atomic.AtomicReference<com.fasterxml.jackson.databind.JsonNode>();
    Tool weather =
        Tool.of(
            "weather",
            "w",
            AgentTestSupport.locationSchema(),
            invocation -> {
              seen.set(invocation.arguments().toJsonNode());
              return ToolOutput.text("40 C");
            });
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "```json\n{'location': 'Rome',}\n```")), text("ok"));
    var agent = Agent.builder(model(scripted)).tools(weather).build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(step.invalidToolCalls()).isEmpty();
    assertThat(step.toolCalls())
        .extracting(ToolCallPart::input)
        .containsExactly("{\"location\":\"Rome\"}");
    assertThat(seen.get().path("location").asText()).isEqualTo("Rome");
    assertThat(outputs(step)).containsExactly(ToolOutput.text("40 C"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRepairHookMayFixACallWhichIsThenRunAndRecordedRepaired(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "Weather", "{\"location\":\"x\"}")), text("ok"));
    var requests = new ArrayList<ToolCallRepair.Request>();
    ToolCallRepair lowerCase =
        request -> {
          requests.add(request);
          ToolCallPart c = request.call();
          return Optional.of(
              new ToolCallPart(
                  c.toolCallId(),
                  c.toolName().toLowerCase(java.util.Locale.ROOT),
                  c.input(),
                  false,
                  c.providerData()));
        };
    var agent =
        Agent.builder(model(scripted))
            .system("sys")
            .tools(weather())
            .toolCallRepair(lowerCase)
            .build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(step.invalidToolCalls()).isEmpty();
    assertThat(step.toolCalls()).extracting(ToolCallPart::toolName).containsExactly("weather");
    assertThat(outputs(step)).containsExactly(ToolOutput.text("40 C"));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).problem()).contains("tool not found");
    assertThat(requests.get(0).system()).containsExactly(Message.system("sys"));
    assertThat(requests.get(0).systemText()).isEqualTo("sys");
    assertThat(requests.get(0).messages()).containsExactly(Message.user("hi"));
    assertThat(requests.get(0).tools()).extracting(t -> t.name()).containsExactly("weather");
    assertThat(scripted.calls.get(1).prompt().messages().get(2).parts())
        .containsExactly(call("c1", "weather", "{\"location\":\"x\"}"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRepairThatStillFailsLeavesTheOriginalCallInvalid(Mode mode) {
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "nope", "{}")), text("ok"));
    ToolCallRepair useless = request -> Optional.of(ToolCallPart.of("c1", "still-nope", "{}"));
    var agent = Agent.builder(model(scripted)).tools(weather()).toolCallRepair(useless).build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(step.invalidToolCalls())
        .extracting(i -> i.call().toolName())
        .containsExactly("nope");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aThrowingRepairHookLeavesTheCallInvalidWithBothErrorsAndTheLoopContinues(Mode mode) {
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "nope", "{}")), text("ok"));
    var hookFailure = new IllegalStateException("repair service down");
    ToolCallRepair broken =
        request -> {
          throw hookFailure;
        };
    var agent = Agent.builder(model(scripted)).tools(weather()).toolCallRepair(broken).build();

    AgentResult result = run(agent, "hi", mode);

    assertThat(result.text()).isEqualTo("ok");
    Step step = result.steps().get(0);
    assertThat(step.invalidToolCalls()).hasSize(1);
    InvalidToolCall invalid = step.invalidToolCalls().get(0);
    assertThat(invalid.call().toolName()).isEqualTo("nope");
    assertThat(invalid.problem()).contains("tool not found: nope");
    assertThat(invalid.repairFailure()).isSameAs(hookFailure);
    assertThat(outputs(step)).containsExactly(ToolOutput.error(invalid.problem()));
    assertThat(scripted.calls).hasSize(2);
    assertThat(scripted.calls.get(1).prompt().messages().get(2).parts())
        .containsExactly(ToolResultPart.of("c1", "nope", ToolOutput.error(invalid.problem())));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRepairHookThatIsCancelledEndsTheRunAsCancelled(Mode mode) {
    var scripted = new ScriptedProviderModel(toolCalls(call("c1", "nope", "{}")), text("ok"));
    ToolCallRepair cancelled =
        request -> {
          throw new CancelledException("the repair model call was cancelled");
        };
    var agent = Agent.builder(model(scripted)).tools(weather()).toolCallRepair(cancelled).build();

    assertThatThrownBy(() -> run(agent, "hi", mode)).isInstanceOf(CancelledException.class);
    assertThat(scripted.calls).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aThrowingToolAnswersWithAnErrorAndTheLoopContinues(Mode mode) {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "boom", "{}"), call("c2", "weather", "{\"location\":\"x\"}")),
            text("recovered"));
    Tool boom =
        tool(
            "boom",
            invocation -> {
              throw new IllegalStateException("disk on fire");
            });
    var agent = Agent.builder(model(scripted)).tools(boom, weather()).build();

    AgentResult result = run(agent, "hi", mode);

    assertThat(outputs(result.steps().get(0)))
        .containsExactly(
            ToolOutput.error("tool boom failed: disk on fire"), ToolOutput.text("40 C"));
    assertThat(result.steps().get(0).invalidToolCalls()).isEmpty();
    assertThat(result.text()).isEqualTo("recovered");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void eightToolCallsOfOneStepRunConcurrently(Mode mode) {
    var barrier = new CyclicBarrier(8);
    Tool meet =
        tool(
            "meet",
            invocation -> {
              barrier.await(SAFETY_SECONDS, TimeUnit.SECONDS);
              return ToolOutput.text("met " + invocation.toolCallId());
            });
    ToolCallPart[] calls =
        IntStream.range(0, 8)
            .mapToObj(i -> call("c" + i, "meet", "{}"))
            .toArray(ToolCallPart[]::new);
    var scripted = new ScriptedProviderModel(toolCalls(calls), text("done"));
    var agent = Agent.builder(model(scripted)).tools(meet).build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(outputs(step))
        .containsExactlyElementsOf(
            IntStream.range(0, 8).mapToObj(i -> ToolOutput.text("met c" + i)).toList());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void concurrencyIsBounded(Mode mode) {
    var running = new AtomicInteger();
    var most = new AtomicInteger();
    var pairs = new CyclicBarrier(2);
    Tool pair =
        tool(
            "pair",
            invocation -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                pairs.await(SAFETY_SECONDS, TimeUnit.SECONDS);
              } finally {
                running.decrementAndGet();
              }
              return ToolOutput.text("ok");
            });
    ToolCallPart[] calls =
        IntStream.range(0, 6)
            .mapToObj(i -> call("c" + i, "pair", "{}"))
            .toArray(ToolCallPart[]::new);
    var scripted = new ScriptedProviderModel(toolCalls(calls), text("done"));
    var agent = Agent.builder(model(scripted)).tools(pair).maxConcurrentTools(2).build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(outputs(step)).hasSize(6).allMatch(ToolOutput.text("ok")::equals);
    assertThat(most).hasValue(2);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aSequentialToolRunsAloneBetweenTheCallsBeforeAndAfterIt(Mode mode) {
    var running = new AtomicInteger();
    var events = java.util.Collections.synchronizedList(new ArrayList<String>());
    var pairs = new CyclicBarrier(2);
    Tool parallel =
        tool(
            "parallel",
            invocation -> {
              running.incrementAndGet();
              try {
                String id = invocation.toolCallId();
                if (!id.equals("p4")) pairs.await(SAFETY_SECONDS, TimeUnit.SECONDS);
                events.add("end " + id);
                return ToolOutput.text(id);
              } finally {
                running.decrementAndGet();
              }
            });
    Tool alone =
        tool(
                "alone",
                invocation -> {
                  int others = running.incrementAndGet() - 1;
                  try {
                    events.add("alone with " + others);
                    return ToolOutput.text("s3");
                  } finally {
                    running.decrementAndGet();
                  }
                })
            .sequential();
    var scripted =
        new ScriptedProviderModel(
            toolCalls(
                call("p1", "parallel", "{}"),
                call("p2", "parallel", "{}"),
                call("s3", "alone", "{}"),
                call("p4", "parallel", "{}")),
            text("done"));
    var agent = Agent.builder(model(scripted)).tools(parallel, alone).build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(outputs(step))
        .containsExactly(
            ToolOutput.text("p1"),
            ToolOutput.text("p2"),
            ToolOutput.text("s3"),
            ToolOutput.text("p4"));
    assertThat(events.subList(0, 2)).containsExactlyInAnyOrder("end p1", "end p2");
    assertThat(events.subList(2, 4)).containsExactly("alone with 0", "end p4");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void resultsKeepCallOrderWhateverOrderToolsFinishIn(Mode mode) {
    var secondDone = new CountDownLatch(1);
    var thirdDone = new CountDownLatch(1);
    var finished = java.util.Collections.synchronizedList(new ArrayList<String>());
    Tool ordered =
        tool(
            "ordered",
            invocation -> {
              String id = invocation.toolCallId();
              if (id.equals("a")) secondDone.await(SAFETY_SECONDS, TimeUnit.SECONDS);
              if (id.equals("b")) thirdDone.await(SAFETY_SECONDS, TimeUnit.SECONDS);
              finished.add(id);
              if (id.equals("b")) secondDone.countDown();
              if (id.equals("c")) thirdDone.countDown();
              return ToolOutput.text(id);
            });
    var scripted =
        new ScriptedProviderModel(
            toolCalls(
                call("a", "ordered", "{}"), call("b", "ordered", "{}"), call("c", "ordered", "{}")),
            text("done"));
    var agent = Agent.builder(model(scripted)).tools(ordered).build();

    Step step = run(agent, "hi", mode).steps().get(0);

    assertThat(finished).containsExactly("c", "b", "a");
    assertThat(step.toolResults())
        .extracting(ToolResultPart::toolCallId)
        .containsExactly("a", "b", "c");
    assertThat(scripted.calls.get(1).prompt().messages().get(2).parts())
        .extracting(p -> ((ToolResultPart) p).toolCallId())
        .containsExactly("a", "b", "c");
  }
}
