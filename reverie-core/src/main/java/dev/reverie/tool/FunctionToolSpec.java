package dev.reverie.tool;

import dev.reverie.ProviderData;
import dev.reverie.json.JsonObject;
import java.util.Objects;

/**
 * A tool that the caller executes: a name, a description and a JSON schema of its input.
 *
 * @param inputSchema a JSON schema of type object
 * @param providerData provider options for the tool, e.g. Anthropic cache control
 */
public record FunctionToolSpec(
    String name, String description, JsonObject inputSchema, ProviderData providerData)
    implements ToolSpec {
  public FunctionToolSpec {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(inputSchema, "inputSchema");
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public static FunctionToolSpec of(String name, String description, JsonObject inputSchema) {
    return new FunctionToolSpec(name, description, inputSchema, ProviderData.EMPTY);
  }
}
