package dev.reverie.stream;

import dev.reverie.ProviderData;

/** A reasoning block with this id begins. */
public record ReasoningStart(String id, ProviderData providerData) implements StreamPart {
  public ReasoningStart {
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }
}
