package dev.reverie;

import dev.reverie.message.Part;
import java.util.List;
import java.util.Objects;

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
    ProviderData providerMetadata)
    implements AnswerContent {

  public Response {
    content = List.copyOf(content);
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    providerMetadata = providerMetadata == null ? ProviderData.EMPTY : providerMetadata;
  }
}
