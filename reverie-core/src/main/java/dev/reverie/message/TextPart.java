package dev.reverie.message;

import dev.reverie.ProviderData;
import java.util.Objects;

/** Plain text. */
public record TextPart(String text, ProviderData providerData) implements Part {
  public TextPart {
    Objects.requireNonNull(text, "text");
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public static TextPart of(String text) {
    return new TextPart(text, ProviderData.EMPTY);
  }

  public TextPart withProviderData(ProviderData data) {
    return new TextPart(text, data);
  }
}
