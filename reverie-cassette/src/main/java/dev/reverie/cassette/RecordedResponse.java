package dev.reverie.cassette;

import dev.reverie.transport.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The response half of a recorded interaction. The body is bytes: text bodies are stored as UTF-8
 * and binary ones (AWS event streams) come from {@code !!binary} YAML scalars.
 *
 * @param code the status code, e.g. 200
 * @param status the status line as recorded, e.g. {@code "200 OK"}
 * @param headers the recorded headers
 * @param body the body bytes
 * @param contentLength the recorded content length, -1 when it was unknown (streamed bodies)
 * @param duration how long the exchange took, as the recorder wrote it (a Go duration such as
 *     {@code "1.133625875s"}), or empty; replay ignores it
 */
public record RecordedResponse(
    int code,
    String status,
    HttpHeaders headers,
    byte[] body,
    long contentLength,
    String duration) {
  public RecordedResponse {
    Objects.requireNonNull(status, "status");
    headers = headers == null ? HttpHeaders.EMPTY : headers;
    body = body == null ? new byte[0] : body.clone();
    duration = duration == null ? "" : duration;
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body length in bytes, without copying it. */
  public int bodyLength() {
    return body.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedResponse r
        && code == r.code
        && status.equals(r.status)
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body)
        && contentLength == r.contentLength
        && duration.equals(r.duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, status, headers, Arrays.hashCode(body), contentLength, duration);
  }

  @Override
  public String toString() {
    return "RecordedResponse[" + status + ", headers=" + headers + ", " + body.length + " bytes]";
  }
}
