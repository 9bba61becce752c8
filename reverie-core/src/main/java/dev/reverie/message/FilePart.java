package dev.reverie.message;

import dev.reverie.ProviderData;
import java.util.Objects;

/**
 * A file: image, document, audio. Either inline bytes or a URL the provider fetches.
 *
 * @param filename a name for the file, or empty
 * @param mediaType the MIME type, e.g. {@code image/png}
 * @param data the bytes; empty when {@code url} is set
 * @param url a URL, or empty when {@code data} is set
 */
public record FilePart(
    String filename, String mediaType, byte[] data, String url, ProviderData providerData)
    implements Part {
  public FilePart {
    filename = filename == null ? "" : filename;
    Objects.requireNonNull(mediaType, "mediaType");
    data = data == null ? new byte[0] : data.clone();
    url = url == null ? "" : url;
    providerData = providerData == null ? ProviderData.EMPTY : providerData;
  }

  /** Inline bytes. */
  public static FilePart of(String filename, String mediaType, byte[] data) {
    return new FilePart(filename, mediaType, data, "", ProviderData.EMPTY);
  }

  /** A file the provider fetches from {@code url}. */
  public static FilePart ofUrl(String url, String mediaType) {
    return new FilePart("", mediaType, new byte[0], url, ProviderData.EMPTY);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public boolean isUrl() {
    return !url.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FilePart f
        && filename.equals(f.filename)
        && mediaType.equals(f.mediaType)
        && java.util.Arrays.equals(data, f.data)
        && url.equals(f.url)
        && providerData.equals(f.providerData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filename, mediaType, java.util.Arrays.hashCode(data), url, providerData);
  }

  @Override
  public String toString() {
    return "FilePart[filename="
        + filename
        + ", mediaType="
        + mediaType
        + ", bytes="
        + data.length
        + (url.isEmpty() ? "" : ", url=" + url)
        + "]";
  }
}
