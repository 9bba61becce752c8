package dev.reverie.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.ProviderData;
import java.util.Objects;

/**
 * A tool that the caller executes: a name, a description and a JSON schema of its input.
 *
 * @param inputSchema a JSON schema of type object (copied; treat as read-only)
 * @param providerData provider options for the tool, e.g. Anthropic cache control
 */
public record FunctionToolSpec(
    String name, String description, ObjectNode inputSchema, ProviderData providerData)
    implements ToolSpec {
  public FunctionToolSpec {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(inputSchema, "inputSchema");
    inputSchema = inputSchema.deepCopy();
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public static FunctionToolSpec of(String name, String description, ObjectNode inputSchema) {
    return new FunctionToolSpec(name, description, inputSchema, ProviderData.EMPTY);
  }

  @Override
  public ObjectNode inputSchema() {
    return inputSchema.deepCopy();
  }
}
