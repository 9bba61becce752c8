package dev.reverie.agent;

import dev.reverie.FinishReason;
import dev.reverie.Usage;
import dev.reverie.message.Message;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
import java.util.List;
import java.util.Objects;

/**
 * What an agent run produced: every step and the total token usage.
 *
 * @param steps the steps in order; never empty
 * @param totalUsage the field-wise sum of the steps' usage
 */
public record AgentResult(List<Step> steps, Usage totalUsage) {
  public AgentResult {
    steps = List.copyOf(steps);
    if (steps.isEmpty())
      throw new IllegalArgumentException("an agent result has at least one step");
    Objects.requireNonNull(totalUsage, "totalUsage");
  }

  /** The last step. */
  public Step finalStep() {
    return steps.get(steps.size() - 1);
  }

  /** The text of the last step: the answer when the model stopped calling tools. */
  public String text() {
    return finalStep().text();
  }

  /** Why the model stopped in the last step. */
  public FinishReason finishReason() {
    return finalStep().finishReason();
  }

  /**
   * The messages the run added, in order. Append them to the conversation to continue it; the parts
   * carry the provider data a provider needs back (signatures, encrypted reasoning).
   */
  public List<Message> messages() {
    return steps.stream().flatMap(s -> s.messages().stream()).toList();
  }

  /** Every tool call of every step. */
  public List<ToolCallPart> toolCalls() {
    return steps.stream().flatMap(s -> s.toolCalls().stream()).toList();
  }

  /** Every tool result of every step. */
  public List<ToolResultPart> toolResults() {
    return steps.stream().flatMap(s -> s.toolResults().stream()).toList();
  }
}
