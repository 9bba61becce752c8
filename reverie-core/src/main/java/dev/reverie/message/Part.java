package dev.reverie.message;

import dev.reverie.ProviderData;

/**
 * One piece of content: in a prompt message, or in what a model answered.
 *
 * <p>Input and output share these types so that an answer's content can be appended to the
 * conversation as it is; {@link #providerData()} then carries provider metadata of the answer
 * (signatures, encrypted reasoning) back to the provider as options.
 */
public sealed interface Part
    permits TextPart, ReasoningPart, FilePart, ToolCallPart, ToolResultPart, SourcePart {

  /** Provider-specific options (input) or metadata (output) of this part. */
  ProviderData providerData();
}
