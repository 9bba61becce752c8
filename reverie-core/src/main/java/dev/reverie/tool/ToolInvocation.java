package dev.reverie.tool;

import dev.reverie.json.JsonValue;
import java.util.Objects;

/**
 * One call of a tool as its function receives it: which call, and the arguments the model wrote.
 *
 * @param toolCallId the id tying the call to its result
 * @param toolName the tool's name
 * @param input the arguments as the model wrote them (JSON text)
 * @param arguments the arguments parsed; a JSON object once the agent has validated the call
 */
public record ToolInvocation(
    String toolCallId, String toolName, String input, JsonValue arguments) {
  public ToolInvocation {
    Objects.requireNonNull(toolCallId, "toolCallId");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(arguments, "arguments");
  }
}
