package dev.reverie.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An HTTP request as a provider builds it. {@link #toString()} never shows credential headers.
 *
 * @param method e.g. {@code POST}
 * @param uri the full URL
 * @param headers the headers, credentials included
 * @param body the body bytes, empty for none
 */
public record HttpRequest(String method, URI uri, HttpHeaders headers, byte[] body) {
  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = headers == null ? HttpHeaders.EMPTY : headers;
    body = body == null ? new byte[0] : body.clone();
  }

  /** A POST of a JSON body. */
  public static HttpRequest postJson(URI uri, HttpHeaders headers, String json) {
    return new HttpRequest(
        "POST",
        uri,
        headers.with("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public HttpRequest withHeaders(HttpHeaders newHeaders) {
    return new HttpRequest(method, uri, newHeaders, body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpRequest r
        && method.equals(r.method)
        && uri.equals(r.uri)
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "HttpRequest["
        + method
        + " "
        + RedactedUri.render(uri)
        + ", headers="
        + headers
        + ", "
        + body.length
        + " bytes]";
  }
}
