package dev.reverie.message;

import dev.reverie.ProviderData;
import java.util.Objects;

/**
 * The model's reasoning ("thinking"). Signatures or encrypted reasoning that a provider needs back
 * on the next turn travel in {@link #providerData()}.
 */
public record ReasoningPart(String text, ProviderData providerData) implements Part {
  public ReasoningPart {
    Objects.requireNonNull(text, "text");
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public static ReasoningPart of(String text) {
    return new ReasoningPart(text, ProviderData.EMPTY);
  }
}
