package dev.reverie.internal.http;

import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.error.TransportException;
import dev.reverie.transport.HttpHeaders;
import dev.reverie.transport.HttpRequest;
import dev.reverie.transport.HttpResponse;
import dev.reverie.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Posts JSON for a provider and maps HTTP error statuses to {@link ProviderException} with the
 * provider's error type and message, the request id and the retry-after delay.
 */
public final class ProviderHttp {
  private static final List<String> REQUEST_ID_HEADERS =
      List.of("x-request-id", "request-id", "x-amzn-requestid", "x-goog-request-id", "cf-ray");
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int MAX_MESSAGE = 2000;

  private final String providerId;
  private final Transport transport;
  private final ErrorBodyParser errorParser;

  public ProviderHttp(String providerId, Transport transport, ErrorBodyParser errorParser) {
    this.providerId = providerId;
    this.transport = transport;
    this.errorParser = errorParser;
  }

  /**
   * POSTs {@code json}; returns the response when the status is 2xx, with its body unread.
   *
   * @throws ProviderException for any other status (the body is read and closed)
   * @throws TransportException when no response could be had
   */
  public HttpResponse post(URI uri, HttpHeaders headers, String json) {
    HttpResponse response = transport.send(HttpRequest.postJson(uri, headers, json));
    if (response.status() / 100 == 2) return response;
    try (response) {
      throw toException(response.status(), response.headers(), readBounded(response.body()));
    }
  }

  /**
   * POSTs {@code json} for a stream: as {@link #post}, and the 2xx body must be of one of {@code
   * mediaTypes} (e.g. {@code text/event-stream}) when the response names its type. A body of
   * another type (a proxy's HTML login page, a JSON error with status 200) is read up to a bound,
   * closed, and reported with its type and an excerpt, rather than fed to the stream's decoder.
   *
   * @throws StreamProtocolException for a 2xx body of another media type
   */
  public HttpResponse postForStream(
      URI uri, HttpHeaders headers, String json, String... mediaTypes) {
    HttpResponse response = post(uri, headers, json);
    String contentType = response.headers().first("Content-Type").orElse("").strip();
    if (contentType.isEmpty() || hasMediaType(contentType, mediaTypes)) return response;
    String excerpt;
    try (response) {
      excerpt = readBounded(response.body()).strip();
    }
    if (excerpt.length() > MAX_MESSAGE) excerpt = excerpt.substring(0, MAX_MESSAGE) + "…";
    throw new StreamProtocolException(
        providerId
            + ": expected a "
            + String.join(" or ", mediaTypes)
            + " body but the response (status "
            + response.status()
            + ") is "
            + contentType
            + (excerpt.isEmpty() ? " and empty" : ": " + excerpt));
  }

  private static boolean hasMediaType(String contentType, String... mediaTypes) {
    int semicolon = contentType.indexOf(';');
    String type = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip();
    for (String wanted : mediaTypes) {
      if (type.equalsIgnoreCase(wanted)) return true;
    }
    return false;
  }

  /** POSTs {@code json} and returns the whole 2xx body as text. */
  public String postForText(URI uri, HttpHeaders headers, String json) {
    try (HttpResponse response = post(uri, headers, json)) {
      return new String(InterruptibleBodies.readAll(response, providerId), StandardCharsets.UTF_8);
    }
  }

  /** The exception for an error status with this body. */
  public ProviderException toException(int status, HttpHeaders headers, String body) {
    ErrorBodyParser.ParsedError parsed;
    try {
      parsed = errorParser.parse(body);
    } catch (RuntimeException e) {
      parsed = new ErrorBodyParser.ParsedError("", body);
    }
    String type = parsed.type().isEmpty() ? awsErrorType(headers) : parsed.type();
    String message = parsed.message().isBlank() ? body.strip() : parsed.message();
    if (message.isEmpty()) message = "(empty body)";
    // An unparsed body can be an HTML error page: keep the exception message readable.
    if (message.length() > MAX_MESSAGE) message = message.substring(0, MAX_MESSAGE) + "…";
    boolean retryable =
        ProviderException.isRetryableStatus(status)
            || headers.first("x-should-retry").map("true"::equalsIgnoreCase).orElse(false);
    return new ProviderException(
        providerId,
        status,
        type,
        message,
        requestId(headers),
        retryable,
        RetryAfter.millis(headers));
  }

  /**
   * The error type AWS services put in {@code x-amzn-ErrorType} (e.g. {@code
   * ValidationException:http://internal.amazon.com/coral/...}), without its namespace; empty when
   * absent.
   */
  private static String awsErrorType(HttpHeaders headers) {
    String value = headers.first("x-amzn-errortype").orElse("").strip();
    int colon = value.indexOf(':');
    return colon >= 0 ? value.substring(0, colon) : value;
  }

  private static String requestId(HttpHeaders headers) {
    for (String name : REQUEST_ID_HEADERS) {
      var v = headers.first(name);
      if (v.isPresent()) return v.get();
    }
    return "";
  }

  private String readBounded(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
