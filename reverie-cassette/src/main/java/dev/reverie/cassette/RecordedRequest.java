package dev.reverie.cassette;

import dev.reverie.transport.HttpHeaders;
import java.util.Objects;

/**
 * The request half of a recorded interaction, as the cassette stores it. Recorders keep only a few
 * harmless headers, so {@code headers} never holds credentials; {@link #toString()} redacts them
 * anyway and leaves out the body.
 *
 * @param method e.g. {@code POST}
 * @param url the full URL string exactly as sent, query and escapes included
 * @param headers the recorded headers
 * @param body the body text, empty for none
 */
public record RecordedRequest(String method, String url, HttpHeaders headers, String body) {
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = headers == null ? HttpHeaders.EMPTY : headers;
    body = body == null ? "" : body;
  }

  @Override
  public String toString() {
    return "RecordedRequest["
        + method
        + " "
        + url
        + ", headers="
        + headers
        + ", "
        + body.length()
        + " chars]";
  }
}
