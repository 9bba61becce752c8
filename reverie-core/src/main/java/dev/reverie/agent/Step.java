package dev.reverie.agent;

import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Usage;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One round of an agent: a model call and the tool calls it asked for.
 *
 * @param index the step's position in the run, from 0
 * @param content what the model answered (text, reasoning, tool calls as run, provider-executed
 *     tool results, sources) followed by the results of the tools the agent ran, in call order
 * @param invalidToolCalls the calls that could not run; they are also in {@code content}, each
 *     answered by an error result
 * @param finishReason why the model stopped
 * @param usage the tokens of this step's model call
 * @param warnings what the provider could not honour in this step's call
 * @param providerMetadata provider data about this step's answer
 * @param messages the messages this step added to the conversation: the assistant message, then the
 *     tool message when tools ran
 */
public record Step(
    int index,
    List<Part> content,
    List<InvalidToolCall> invalidToolCalls,
    FinishReason finishReason,
    Usage usage,
    List<CallWarning> warnings,
    ProviderData providerMetadata,
    List<Message> messages) {

  public Step {
    content = List.copyOf(content);
    invalidToolCalls = List.copyOf(invalidToolCalls);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
    warnings = List.copyOf(warnings);
    providerMetadata = providerMetadata == null ? ProviderData.EMPTY : providerMetadata;
    messages = List.copyOf(messages);
  }

  /** The text parts of the model's answer, concatenated. */
  public String text() {
    return content.stream()
        .filter(TextPart.class::isInstance)
        .map(p -> ((TextPart) p).text())
        .collect(Collectors.joining());
  }

  /** The reasoning parts' text, concatenated. */
  public String reasoningText() {
    return content.stream()
        .filter(ReasoningPart.class::isInstance)
        .map(p -> ((ReasoningPart) p).text())
        .collect(Collectors.joining());
  }

  /** Every tool call of the step, provider-executed and invalid ones included. */
  public List<ToolCallPart> toolCalls() {
    return content.stream()
        .filter(ToolCallPart.class::isInstance)
        .map(ToolCallPart.class::cast)
        .toList();
  }

  /** Every tool result of the step, provider-executed ones included. */
  public List<ToolResultPart> toolResults() {
    return content.stream()
        .filter(ToolResultPart.class::isInstance)
        .map(ToolResultPart.class::cast)
        .toList();
  }

  public List<SourcePart> sources() {
    return content.stream()
        .filter(SourcePart.class::isInstance)
        .map(SourcePart.class::cast)
        .toList();
  }
}
