package dev.reverie.agent;

import dev.reverie.CallWarning;
import dev.reverie.error.ReverieException;
import dev.reverie.message.SourcePart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
import dev.reverie.stream.StreamPart;
import java.util.List;

/**
 * Callbacks for a streaming agent run, one per kind of event; implement only those you need.
 *
 * <p>Called on the thread that called {@link Agent#stream(dev.reverie.Prompt, AgentListener)}, in
 * stream order: {@link #onPart} first for every part, then the callback for its kind. Per step:
 * {@code onStepStart}, the model's events (warnings, text, reasoning, tool input, tool calls,
 * sources), one {@code onToolResult} per tool call in call order, {@code onStepFinish}; at the end
 * {@code onFinish} or {@code onError}. An exception thrown by a callback ends the run: the model
 * exchange is aborted, running tools are interrupted and the exception reaches the caller.
 */
public interface AgentListener {

  /** Every part of the agent stream, before its specific callback. */
  default void onPart(StreamPart part) {}

  default void onStepStart(int stepIndex) {}

  default void onWarnings(List<CallWarning> warnings) {}

  default void onTextStart(String id) {}

  default void onTextDelta(String id, String delta) {}

  default void onTextEnd(String id) {}

  default void onReasoningStart(String id) {}

  default void onReasoningDelta(String id, String delta) {}

  default void onReasoningEnd(String id) {}

  default void onToolInputStart(String id, String toolName) {}

  default void onToolInputDelta(String id, String delta) {}

  default void onToolInputEnd(String id) {}

  /** A complete tool call (after repair, when a repair hook fixed it). */
  default void onToolCall(ToolCallPart call) {}

  /** A tool result: provider-executed ones as they stream, the agent's after the model's answer. */
  default void onToolResult(ToolResultPart result) {}

  default void onSource(SourcePart source) {}

  default void onStepFinish(Step step) {}

  default void onFinish(AgentResult result) {}

  /** The run failed; the same exception is then thrown to the caller. */
  default void onError(ReverieException error) {}
}
