package dev.reverie.stream;

import dev.reverie.ProviderData;

/** More reasoning for the block with this id. */
public record ReasoningDelta(String id, String delta, ProviderData providerData)
    implements StreamPart {
  public ReasoningDelta {
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public ReasoningDelta(String id, String delta) {
    this(id, delta, ProviderData.EMPTY);
  }
}
