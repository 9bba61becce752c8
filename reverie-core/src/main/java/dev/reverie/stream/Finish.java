package dev.reverie.stream;

import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Usage;

/** The answer is complete. Always the last part of a successful stream. */
public record Finish(Usage usage, FinishReason finishReason, ProviderData providerMetadata)
    implements StreamPart {
  public Finish {
    providerMetadata = providerMetadata == null ? ProviderData.EMPTY : providerMetadata;
  }
}
