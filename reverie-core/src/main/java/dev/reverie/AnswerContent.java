package dev.reverie;

import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reading what a model answered: the text, the reasoning, the tool calls and results, the sources.
 * Shared by a {@link Response} and an agent's step, which both hold an answer's parts.
 */
public interface AnswerContent {
  /** The answer's parts in order. */
  List<Part> content();

  /** All text parts, concatenated. */
  default String text() {
    return content().stream()
        .filter(TextPart.class::isInstance)
        .map(p -> ((TextPart) p).text())
        .collect(Collectors.joining());
  }

  /** All reasoning parts' text, concatenated. */
  default String reasoningText() {
    return content().stream()
        .filter(ReasoningPart.class::isInstance)
        .map(p -> ((ReasoningPart) p).text())
        .collect(Collectors.joining());
  }

  /** Every tool call, provider-executed ones included. */
  default List<ToolCallPart> toolCalls() {
    return content().stream()
        .filter(ToolCallPart.class::isInstance)
        .map(ToolCallPart.class::cast)
        .toList();
  }

  /** Every tool result, provider-executed ones included. */
  default List<ToolResultPart> toolResults() {
    return content().stream()
        .filter(ToolResultPart.class::isInstance)
        .map(ToolResultPart.class::cast)
        .toList();
  }

  /** The sources the model cited. */
  default List<SourcePart> sources() {
    return content().stream()
        .filter(SourcePart.class::isInstance)
        .map(SourcePart.class::cast)
        .toList();
  }
}
