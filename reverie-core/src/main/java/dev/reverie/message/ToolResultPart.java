package dev.reverie.message;

import dev.reverie.ProviderData;
import java.util.Objects;

/**
 * The result of a tool call, sent back to the model.
 *
 * @param toolCallId the id of the call this answers
 * @param toolName the tool's name
 * @param output what the tool produced
 * @param providerExecuted true when the provider ran the tool and produced this result
 */
public record ToolResultPart(
    String toolCallId,
    String toolName,
    ToolOutput output,
    boolean providerExecuted,
    ProviderData providerData)
    implements Part {
  public ToolResultPart {
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(output, "output");
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public static ToolResultPart of(String toolCallId, String toolName, ToolOutput output) {
    return new ToolResultPart(toolCallId, toolName, output, false, ProviderData.EMPTY);
  }
}
