package dev.reverie.agent;

import dev.reverie.FinishReason;
import dev.reverie.Usage;
import java.util.List;
import java.util.Objects;

/**
 * Decides after a step whether the agent stops even though the model asked for tools.
 *
 * <p>Evaluated after every step that ran tools, with all steps so far; the agent stops when any of
 * its conditions holds. A step without tool calls always ends the run, and {@link
 * Agent.Builder#maxSteps(int)} bounds the run whatever the conditions say.
 */
@FunctionalInterface
public interface StopCondition {

  /** Whether to stop after {@code steps} (never empty, in order). */
  boolean isMet(List<Step> steps);

  /** Stops once {@code count} steps have run. */
  static StopCondition stepCountIs(int count) {
    if (count < 1) throw new IllegalArgumentException("count must be at least 1");
    return steps -> steps.size() >= count;
  }

  /** Stops after a step in which the model called {@code toolName}. */
  static StopCondition hasToolCall(String toolName) {
    Objects.requireNonNull(toolName, "toolName");
    return steps ->
        steps.get(steps.size() - 1).toolCalls().stream()
            .anyMatch(call -> call.toolName().equals(toolName));
  }

  /** Stops after a step that finished for {@code reason}. */
  static StopCondition finishReasonIs(FinishReason reason) {
    Objects.requireNonNull(reason, "reason");
    return steps -> steps.get(steps.size() - 1).finishReason() == reason;
  }

  /** Stops once the steps together used at least {@code tokens} total tokens. */
  static StopCondition totalTokensAtLeast(long tokens) {
    return steps ->
        steps.stream().map(Step::usage).reduce(Usage.ZERO, Usage::plus).totalTokens() >= tokens;
  }

  /** Holds when this or {@code other} holds. */
  default StopCondition or(StopCondition other) {
    Objects.requireNonNull(other, "other");
    return steps -> isMet(steps) || other.isMet(steps);
  }
}
