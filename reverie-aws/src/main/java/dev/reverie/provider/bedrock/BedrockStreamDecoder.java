package dev.reverie.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.codec.anthropic.AnthropicStreamDecoder;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.EventStreamErrors;
import dev.reverie.internal.framing.EventStreamMessage;
import dev.reverie.internal.framing.FrameDecoder;
import dev.reverie.internal.json.Json;
import dev.reverie.stream.StreamPart;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Decodes Bedrock's {@code invoke-with-response-stream} body: AWS event-stream messages whose
 * {@code chunk} events carry {@code {"bytes": "<base64 of one Messages API event>"}}. Each
 * unwrapped event goes to an {@link AnthropicStreamDecoder}, which does all the event handling;
 * exception messages (throttling, a model stream error, validation…) end the stream with a typed
 * {@link dev.reverie.error.ProviderException}, retryable when the kind is transient. Not
 * thread-safe.
 */
final class BedrockStreamDecoder implements FrameDecoder<EventStreamMessage> {
  private static final String CHUNK = "chunk";

  private final AnthropicStreamDecoder events;
  private final String requestId;

  BedrockStreamDecoder(AnthropicStreamDecoder events, String requestId) {
    this.events = events;
    this.requestId = requestId == null ? "" : requestId;
  }

  @Override
  public void onFrame(EventStreamMessage message, Consumer<StreamPart> out) {
    if (events.isDone()) return;
    if (message.isFailure()) {
      events.onFailure(EventStreamErrors.toException(Bedrock.PROVIDER_ID, message, requestId), out);
      return;
    }
    if (!message.messageType().equals(EventStreamMessage.EVENT)
        || !message.eventType().equals(CHUNK)) {
      return; // initial-response and event types added after this code was written
    }
    String location = "in event-stream message " + message.number();
    byte[] event;
    try {
      event = unwrap(message, location);
    } catch (ReverieException e) {
      events.onFailure(e, out);
      return;
    }
    events.onEvent("", event, 0, event.length, location, out);
  }

  private static byte[] unwrap(EventStreamMessage message, String location) {
    JsonNode payload = Json.parse(message.payloadText(), "the Bedrock chunk payload " + location);
    JsonNode bytes = payload == null ? null : payload.get("bytes");
    if (bytes == null || !bytes.isTextual()) {
      throw new StreamProtocolException(
          "the Bedrock chunk "
              + location
              + " has no \"bytes\" field: "
              + Json.abbreviate(message.payloadText()));
    }
    try {
      return Base64.getDecoder().decode(bytes.asText());
    } catch (IllegalArgumentException e) {
      throw new StreamProtocolException(
          "the Bedrock chunk " + location + " is not valid base64: " + e.getMessage());
    }
  }

  @Override
  public void onEnd(Consumer<StreamPart> out) {
    events.onEnd(out);
  }

  @Override
  public void onFailure(ReverieException error, Consumer<StreamPart> out) {
    events.onFailure(error, out);
  }

  @Override
  public boolean isDone() {
    return events.isDone();
  }
}
