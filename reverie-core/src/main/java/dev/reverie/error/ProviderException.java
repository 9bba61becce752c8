package dev.reverie.error;

import java.util.Optional;

/**
 * The provider answered with an error: an HTTP error status, or an error event inside a stream.
 *
 * <p>Retryable for 408, 409, 429 and 5xx, and for stream errors of a transient kind (overloaded,
 * rate limit, server error).
 */
public class ProviderException extends ReverieException {
  private final String providerId;
  private final int status;
  private final String errorType;
  private final String providerMessage;
  private final String requestId;
  private final boolean retryable;
  private final long retryAfterMillis;

  /**
   * @param providerId the provider, e.g. {@code openai}
   * @param status the HTTP status, or 0 for an error event inside a 200 stream
   * @param errorType the provider's error type or code, or empty
   * @param providerMessage the provider's message, or empty
   * @param requestId the provider's request id, or empty
   * @param retryable whether repeating the request may succeed
   * @param retryAfterMillis the delay the provider asked for before a retry, or -1
   */
  public ProviderException(
      String providerId,
      int status,
      String errorType,
      String providerMessage,
      String requestId,
      boolean retryable,
      long retryAfterMillis) {
    super(describe(providerId, status, errorType, providerMessage, requestId));
    this.providerId = providerId;
    this.status = status;
    this.errorType = errorType == null ? "" : errorType;
    this.providerMessage = providerMessage == null ? "" : providerMessage;
    this.requestId = requestId == null ? "" : requestId;
    this.retryable = retryable;
    this.retryAfterMillis = retryAfterMillis;
  }

  private static String describe(
      String providerId, int status, String type, String message, String requestId) {
    var sb = new StringBuilder(providerId == null ? "provider" : providerId);
    sb.append(status > 0 ? " returned HTTP " + status : " reported an error in the stream");
    if (type != null && !type.isEmpty()) sb.append(" (").append(type).append(')');
    if (message != null && !message.isEmpty()) sb.append(": ").append(message);
    if (requestId != null && !requestId.isEmpty())
      sb.append(" [request ").append(requestId).append(']');
    return sb.toString();
  }

  private static final java.util.Set<String> TRANSIENT_ERROR_TYPES =
      java.util.Set.of(
          "server_error", "internal_error", "overloaded_error", "api_error", "rate_limit_error");

  /**
   * Whether an error type or code reported inside a stream is transient, so the request is worth
   * repeating: {@code server_error}, {@code internal_error}, {@code overloaded_error}, {@code
   * api_error}, {@code rate_limit_error}.
   */
  public static boolean isTransientErrorType(String typeOrCode) {
    return typeOrCode != null && TRANSIENT_ERROR_TYPES.contains(typeOrCode);
  }

  /** Whether an HTTP status is worth retrying: 408, 409, 429 and every 5xx. */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  public String providerId() {
    return providerId;
  }

  /** The HTTP status, or 0 for an error event inside a successful stream. */
  public int status() {
    return status;
  }

  public String errorType() {
    return errorType;
  }

  public String providerMessage() {
    return providerMessage;
  }

  public String requestId() {
    return requestId;
  }

  /** The delay the provider asked for (retry-after-ms / retry-after), if it did. */
  public Optional<java.time.Duration> retryAfter() {
    return retryAfterMillis < 0
        ? Optional.empty()
        : Optional.of(java.time.Duration.ofMillis(retryAfterMillis));
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
