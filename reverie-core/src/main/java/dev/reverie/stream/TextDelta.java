package dev.reverie.stream;

import dev.reverie.ProviderData;

/** More text for the block with this id. */
public record TextDelta(String id, String delta, ProviderData providerData) implements StreamPart {
  public TextDelta {
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public TextDelta(String id, String delta) {
    this(id, delta, ProviderData.EMPTY);
  }
}
