package dev.reverie.agent;

import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.Source;
import dev.reverie.stream.StepFinish;
import dev.reverie.stream.StepStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolInputDelta;
import dev.reverie.stream.ToolInputEnd;
import dev.reverie.stream.ToolInputStart;
import dev.reverie.stream.ToolResult;

/** Turns agent stream parts into {@link AgentListener} calls; throws the run's error at the end. */
final class ListenerDispatcher {
  private final AgentListener listener;
  private final AgentStream stream;

  ListenerDispatcher(AgentListener listener, AgentStream stream) {
    this.listener = listener;
    this.stream = stream;
  }

  void dispatch(StreamPart part) {
    listener.onPart(part);
    if (part instanceof StepStart start) {
      listener.onStepStart(start.stepIndex());
    } else if (part instanceof StreamStart start) {
      if (!start.warnings().isEmpty()) listener.onWarnings(start.warnings());
    } else if (part instanceof TextStart start) {
      listener.onTextStart(start.id());
    } else if (part instanceof TextDelta delta) {
      listener.onTextDelta(delta.id(), delta.delta());
    } else if (part instanceof TextEnd end) {
      listener.onTextEnd(end.id());
    } else if (part instanceof ReasoningStart start) {
      listener.onReasoningStart(start.id());
    } else if (part instanceof ReasoningDelta delta) {
      listener.onReasoningDelta(delta.id(), delta.delta());
    } else if (part instanceof ReasoningEnd end) {
      listener.onReasoningEnd(end.id());
    } else if (part instanceof ToolInputStart start) {
      listener.onToolInputStart(start.id(), start.toolName());
    } else if (part instanceof ToolInputDelta delta) {
      listener.onToolInputDelta(delta.id(), delta.delta());
    } else if (part instanceof ToolInputEnd end) {
      listener.onToolInputEnd(end.id());
    } else if (part instanceof ToolCall call) {
      listener.onToolCall(call.call());
    } else if (part instanceof ToolResult result) {
      listener.onToolResult(result.result());
    } else if (part instanceof Source source) {
      listener.onSource(source.source());
    } else if (part instanceof StepFinish finish) {
      listener.onStepFinish(stream.steps().get(finish.stepIndex()));
    } else if (part instanceof Finish) {
      listener.onFinish(stream.result());
    } else if (part instanceof Error error) {
      listener.onError(error.error());
      throw error.error();
    }
  }
}
