package dev.reverie.message;

import dev.reverie.ProviderData;
import java.util.Objects;

/**
 * A source the model cited (a web page or a document). Output only; providers do not take it back
 * as input, so prompt converters skip it.
 *
 * @param kind {@code URL} or {@code DOCUMENT}
 * @param id an id for the source
 * @param url the URL, or empty
 * @param title the title, or empty
 */
public record SourcePart(Kind kind, String id, String url, String title, ProviderData providerData)
    implements Part {

  /** What a source points to. */
  public enum Kind {
    URL,
    DOCUMENT
  }

  public SourcePart {
    Objects.requireNonNull(kind, "kind");
    id = id == null ? "" : id;
    url = url == null ? "" : url;
    title = title == null ? "" : title;
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  public static SourcePart url(String id, String url, String title) {
    return new SourcePart(Kind.URL, id, url, title, ProviderData.EMPTY);
  }
}
