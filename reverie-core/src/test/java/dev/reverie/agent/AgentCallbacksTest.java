package dev.reverie.agent;

import static dev.reverie.agent.AgentTestSupport.model;
import static dev.reverie.agent.AgentTestSupport.weather;
import static dev.reverie.agent.ScriptedProviderModel.answer;
import static dev.reverie.agent.ScriptedProviderModel.call;
import static dev.reverie.agent.ScriptedProviderModel.text;
import static dev.reverie.agent.ScriptedProviderModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.error.ProviderException;
import dev.reverie.error.ReverieException;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
import dev.reverie.stream.StreamPart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listener form of the streaming agent: one callback per kind, in stream order. */
class AgentCallbacksTest {

  /** Records every callback as a short line. */
  private static final class RecordingListener implements AgentListener {
    final List<String> events = new ArrayList<>();
    int parts;
    AgentResult finished;

    @Override
    public void onPart(StreamPart part) {
      parts++;
    }

    @Override
    public void onStepStart(int stepIndex) {
      events.add("step-start " + stepIndex);
    }

    @Override
    public void onWarnings(List<CallWarning> warnings) {
      events.add("warnings " + warnings.size());
    }

    @Override
    public void onTextStart(String id) {
      events.add("text-start");
    }

    @Override
    public void onTextDelta(String id, String delta) {
      events.add("text " + delta);
    }

    @Override
    public void onTextEnd(String id) {
      events.add("text-end");
    }

    @Override
    public void onReasoningStart(String id) {
      events.add("reasoning-start");
    }

    @Override
    public void onReasoningDelta(String id, String delta) {
      events.add("reasoning " + delta);
    }

    @Override
    public void onReasoningEnd(String id) {
      events.add("reasoning-end");
    }

    @Override
    public void onToolInputStart(String id, String toolName) {
      events.add("input-start " + id + " " + toolName);
    }

    @Override
    public void onToolInputDelta(String id, String delta) {
      events.add("input " + delta);
    }

    @Override
    public void onToolInputEnd(String id) {
      events.add("input-end " + id);
    }

    @Override
    public void onToolCall(ToolCallPart call) {
      events.add("call " + call.toolCallId());
    }

    @Override
    public void onToolResult(ToolResultPart result) {
      events.add("result " + result.toolCallId());
    }

    @Override
    public void onSource(SourcePart source) {
      events.add("source " + source.url());
    }

    @Override
    public void onStepFinish(Step step) {
      events.add("step-finish " + step.index() + " " + step.finishReason());
    }

    @Override
    public void onFinish(AgentResult result) {
      finished = result;
      events.add("finish " + result.steps().size());
    }

    @Override
    public void onError(ReverieException error) {
      events.add("error " + error.getMessage());
    }
  }

  @Test
  void callbacksFireInStreamOrderForEveryKind() {
    var first =
        new ScriptedProviderModel.Answer(
            new Response(
                List.of(
                    new dev.reverie.message.ReasoningPart("hm", ProviderData.EMPTY),
                    TextPart.of("ok"),
                    call("c1", "weather", "{\"location\":\"x\"}")),
                FinishReason.TOOL_CALLS,
                Usage.of(1, 1),
                List.of(CallWarning.other("top_k ignored")),
                ProviderData.EMPTY));
    var second =
        answer(
            FinishReason.STOP,
            Usage.of(1, 1),
            SourcePart.url("s", "https://example.com", ""),
            TextPart.of("It"));
    var scripted = new ScriptedProviderModel(first, second);
    var agent = Agent.builder(model(scripted)).tools(weather()).build();
    var listener = new RecordingListener();

    AgentResult result = agent.stream(Prompt.user("hi"), listener);

    assertThat(listener.events)
        .containsExactly(
            "step-start 0",
            "warnings 1",
            "reasoning-start",
            "reasoning h",
            "reasoning m",
            "reasoning-end",
            "text-start",
            "text o",
            "text k",
            "text-end",
            "input-start c1 weather",
            "input {\"locati",
            "input on\":\"x\"}",
            "input-end c1",
            "call c1",
            "result c1",
            "step-finish 0 TOOL_CALLS",
            "step-start 1",
            "source https://example.com",
            "text-start",
            "text I",
            "text t",
            "text-end",
            "step-finish 1 STOP",
            "finish 2");
    assertThat(listener.finished).isSameAs(result);
    // one part without a callback: the second step's StreamStart has no warnings
    assertThat(listener.parts).isEqualTo(listener.events.size() + 1);
  }

  @Test
  void aFailureReachesOnErrorAndThenTheCaller() {
    var error = new ProviderException("scripted", 500, "server_error", "down", "", true, -1);
    var scripted = new ScriptedProviderModel(new ScriptedProviderModel.Failure(error));
    var agent = Agent.builder(model(scripted)).build();
    var listener = new RecordingListener();

    assertThatThrownBy(() -> agent.stream(Prompt.user("hi"), listener)).isSameAs(error);
    assertThat(listener.events).containsExactly("step-start 0", "error " + error.getMessage());
  }

  @Test
  void aThrowingCallbackEndsTheRunAndClosesTheModelStream() {
    var scripted =
        new ScriptedProviderModel(
            toolCalls(call("c1", "weather", "{\"location\":\"x\"}")), text("never"));
    var agent = Agent.builder(model(scripted)).tools(weather()).build();
    var failure = new IllegalStateException("ui went away");

    assertThatThrownBy(
            () ->
                agent.stream(
                    Prompt.user("hi"),
                    new AgentListener() {
                      @Override
                      public void onToolInputStart(String id, String toolName) {
                        throw failure;
                      }
                    }))
        .isSameAs(failure);
    assertThat(scripted.streamsClosed).hasValue(1);
    assertThat(scripted.calls).hasSize(1);
  }
}
