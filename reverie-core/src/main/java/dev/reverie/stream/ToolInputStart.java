package dev.reverie.stream;

import dev.reverie.ProviderData;

/** The model begins writing the input of a tool call; {@code id} is the tool-call id. */
public record ToolInputStart(
    String id, String toolName, boolean providerExecuted, ProviderData providerData)
    implements StreamPart {
  public ToolInputStart {
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }
}
