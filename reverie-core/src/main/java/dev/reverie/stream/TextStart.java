package dev.reverie.stream;

import dev.reverie.ProviderData;

/** A text block with this id begins. */
public record TextStart(String id, ProviderData providerData) implements StreamPart {
  public TextStart {
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }
}
