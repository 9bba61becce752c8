package dev.reverie.internal.framing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.error.ProviderException;
import dev.reverie.internal.json.Json;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the exception and error messages of an AWS event stream into {@link ProviderException}s.
 *
 * <p>An {@code exception} message names its kind in {@code :exception-type} and carries {@code
 * {"message": ...}} as its payload; an {@code error} message has {@code :error-code} and {@code
 * :error-message} headers. Throttling, a model stream error, an internal server error and an
 * unavailable service are worth retrying; anything else (a validation error, access denied, a model
 * that is not ready for this account) is not.
 */
public final class EventStreamErrors {
  private static final Set<String> RETRYABLE =
      Set.of(
          "throttlingexception",
          "modelstreamerrorexception",
          "internalserverexception",
          "serviceunavailableexception");

  private EventStreamErrors() {}

  /** Whether an exception type (e.g. {@code throttlingException}) is worth retrying. */
  public static boolean isRetryable(String exceptionType) {
    return exceptionType != null && RETRYABLE.contains(exceptionType.toLowerCase(Locale.ROOT));
  }

  /**
   * The error a failure message reports.
   *
   * @param providerId the provider, for the message
   * @param message a message with {@link EventStreamMessage#isFailure()}
   * @param requestId the provider's request id, or empty
   */
  public static ProviderException toException(
      String providerId, EventStreamMessage message, String requestId) {
    String type;
    String text;
    if (message.messageType().equals(EventStreamMessage.ERROR)) {
      type = message.stringHeader(":error-code").orElse("");
      text = message.stringHeader(":error-message").orElse("");
    } else {
      type = message.exceptionType();
      text = payloadMessage(message.payloadText());
    }
    return new ProviderException(
        providerId,
        0,
        type,
        text.isEmpty() ? "(no message)" : text,
        requestId,
        isRetryable(type),
        -1);
  }

  private static String payloadMessage(String payload) {
    String stripped = payload.strip();
    if (stripped.isEmpty()) return "";
    try {
      JsonNode node = Json.MAPPER.readTree(stripped);
      if (node != null && node.isObject()) {
        String message = Json.text(node, "message");
        if (message.isEmpty()) message = Json.text(node, "Message");
        if (!message.isEmpty()) return message;
      }
    } catch (Exception notJson) {
      // fall through: the payload as it came
    }
    return Json.abbreviate(stripped);
  }
}
