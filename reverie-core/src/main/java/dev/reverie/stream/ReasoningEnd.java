package dev.reverie.stream;

import dev.reverie.ProviderData;

/** The reasoning block with this id is complete. */
public record ReasoningEnd(String id, ProviderData providerData) implements StreamPart {
  public ReasoningEnd {
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }
}
