package dev.reverie.stream;

import dev.reverie.ProviderData;

/** The text block with this id is complete. */
public record TextEnd(String id, ProviderData providerData) implements StreamPart {
  public TextEnd {
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }
}
