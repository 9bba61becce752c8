package dev.reverie.agent;

import dev.reverie.message.ToolCallPart;
import java.util.Objects;

/**
 * A tool call the agent could not run: the tool is unknown, or the arguments do not parse or do not
 * match the tool's schema (and no repair fixed them). The model receives {@link #problem()} as an
 * error result so it can correct itself.
 *
 * @param call the call as the model made it
 * @param problem why it could not run
 * @param repairFailure what the repair hook threw while trying to fix the call, or null when it did
 *     not throw; the model is not told about it, only about {@code problem}
 */
public record InvalidToolCall(ToolCallPart call, String problem, Throwable repairFailure) {
  public InvalidToolCall {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(problem, "problem");
  }

  /** An invalid call whose repair did not throw. */
  public InvalidToolCall(ToolCallPart call, String problem) {
    this(call, problem, null);
  }
}
