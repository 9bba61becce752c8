package dev.reverie.agent;

import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Usage;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import java.util.List;
import java.util.Objects;

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
    List<Message> messages)
    implements dev.reverie.AnswerContent {

  public Step {
    content = List.copyOf(content);
    invalidToolCalls = List.copyOf(invalidToolCalls);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
    warnings = List.copyOf(warnings);
    providerMetadata = providerMetadata == null ? ProviderData.EMPTY : providerMetadata;
    messages = List.copyOf(messages);
  }
}
