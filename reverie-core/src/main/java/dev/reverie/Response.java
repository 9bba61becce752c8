package dev.reverie;

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
 * What a model answered to one call.
 *
 * @param content the answer's parts in order (text, reasoning, tool calls, sources…)
 * @param finishReason why the model stopped
 * @param usage token counts
 * @param warnings settings or tools the provider could not honour
 * @param providerMetadata provider-specific data about the whole answer
 */
public record Response(
    List<Part> content,
    FinishReason finishReason,
    Usage usage,
    List<CallWarning> warnings,
    ProviderData providerMetadata) {

  public Response {
    content = List.copyOf(content);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    providerMetadata = providerMetadata == null ? ProviderData.EMPTY : providerMetadata;
  }

  /** All text parts, concatenated. */
  public String text() {
    return content.stream()
        .filter(TextPart.class::isInstance)
        .map(p -> ((TextPart) p).text())
        .collect(Collectors.joining());
  }

  /** All reasoning parts' text, concatenated. */
  public String reasoningText() {
    return content.stream()
        .filter(ReasoningPart.class::isInstance)
        .map(p -> ((ReasoningPart) p).text())
        .collect(Collectors.joining());
  }

  public List<ToolCallPart> toolCalls() {
    return content.stream()
        .filter(ToolCallPart.class::isInstance)
        .map(ToolCallPart.class::cast)
        .toList();
  }

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
