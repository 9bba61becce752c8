package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.message.Message;
import java.util.List;

/**
 * What one chat-completions service does differently from OpenAI: request extras, reasoning fields
 * in responses and chunks, message extras. The defaults are OpenAI's behaviour.
 */
public interface ChatDialect {

  /** The key of this service's provider options and metadata, e.g. {@code openai}. */
  String providerId();

  /**
   * Whether {@code modelId} is a reasoning model: such models take {@code max_completion_tokens}
   * and reject sampling settings.
   */
  default boolean isReasoningModel(String modelId) {
    return ChatModels.isOpenAiReasoningModel(modelId);
  }

  /** Adds service-specific fields to a request body, reading the call's provider options. */
  default void addRequestFields(
      Call call, String modelId, ObjectNode body, List<CallWarning> warnings) {}

  /** Adds service-specific fields to an assistant message, e.g. replayed reasoning. */
  default void addAssistantFields(Message message, ObjectNode wireMessage) {}

  /**
   * Whether a stream must end with {@code data: [DONE]}; when true, a body that ends after the
   * finish reason but before the marker (and so possibly before the usage chunk) is incomplete.
   */
  default boolean requiresDoneMarker() {
    return true;
  }

  /** The reasoning text in a message or a delta, or empty. */
  default String reasoningText(JsonNode messageOrDelta) {
    return "";
  }
}
