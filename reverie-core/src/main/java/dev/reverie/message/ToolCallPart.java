package dev.reverie.message;

import dev.reverie.ProviderData;
import java.util.Objects;

/**
 * A call of a tool by the model.
 *
 * @param toolCallId the id that ties the call to its result
 * @param toolName the tool's name
 * @param input the arguments as the model wrote them (a JSON text, kept verbatim because some
 *     providers must receive it back byte for byte)
 * @param providerExecuted true when the provider ran the tool itself (e.g. web search)
 */
public record ToolCallPart(
    String toolCallId,
    String toolName,
    String input,
    boolean providerExecuted,
    ProviderData providerData)
    implements Part {
  public ToolCallPart {
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(toolName, "toolName");
    input = input == null || input.isBlank() ? "{}" : input;
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public static ToolCallPart of(String toolCallId, String toolName, String input) {
    return new ToolCallPart(toolCallId, toolName, input, false, ProviderData.EMPTY);
  }
}
