package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.FinishReason;
import dev.reverie.Usage;
import dev.reverie.message.Message;
import dev.reverie.message.ToolCallPart;
import dev.reverie.spi.ModelCapabilities;
import java.util.Set;

/**
 * What one chat-completions service does differently from OpenAI; a service is this and little
 * more. Every hook has OpenAI's behaviour as its default, so a dialect overrides only what its
 * service changes:
 *
 * <ul>
 *   <li>request: {@link #prepareRequest} (extra body fields from the call's provider options),
 *       {@link #sendsStreamOptions}, {@link #decorateMessage} and {@link #decorateToolCall} (extra
 *       fields on wire messages: replayed reasoning, cache control);
 *   <li>response: {@link #reasoningReader} (reasoning fields with provider data that must travel
 *       back), {@link #usage}, {@link #finishReason}, {@link #metadataFields} and {@link #metadata}
 *       (provider metadata out);
 *   <li>capabilities: {@link #capabilities} (how objects reach the model), {@link
 *       #isReasoningModel}, {@link #requiresDoneMarker}.
 * </ul>
 *
 * <p>Implementations are stateless and thread-safe; per-response state lives in the {@link
 * ChatReasoningReader} they hand out.
 */
public interface ChatDialect {

  /** The key of this service's provider options and metadata, e.g. {@code openrouter}. */
  String providerId();

  /**
   * The service's own id, for errors and {@code LanguageModel.providerId()}, e.g. {@code azure} for
   * Azure OpenAI, which takes OpenAI's options; {@link #providerId()} unless overridden.
   */
  default String serviceId() {
    return providerId();
  }

  /** How objects reach {@code modelId}: OpenAI's native JSON-schema output unless overridden. */
  default ModelCapabilities capabilities(String modelId) {
    return ModelCapabilities.nativeJson();
  }

  /**
   * Whether {@code modelId} is an OpenAI reasoning model: such models take {@code
   * max_completion_tokens} and reject sampling settings.
   */
  default boolean isReasoningModel(String modelId) {
    return ChatModels.isOpenAiReasoningModel(modelId);
  }

  /** Whether streaming requests send {@code stream_options: {include_usage: true}}. */
  default boolean sendsStreamOptions() {
    return true;
  }

  /**
   * Adds or changes request fields after the standard encoding, reading the call's provider
   * options; warnings go to {@link ChatRequest#warn}.
   */
  default void prepareRequest(ChatRequest request) {}

  /**
   * Adds fields to the wire message made from {@code message} (one per system, user and assistant
   * message; one per tool result of a tool message), e.g. replayed reasoning or cache control.
   */
  default void decorateMessage(Message message, ObjectNode wireMessage, ChatRequest request) {}

  /** Adds fields to one entry of an assistant message's {@code tool_calls}. */
  default void decorateToolCall(ToolCallPart part, ObjectNode wireToolCall, ChatRequest request) {}

  /** A fresh reader of the reasoning in one response or stream; the default reads none. */
  default ChatReasoningReader reasoningReader() {
    return ChatReasoningReader.NONE;
  }

  /** Reads a {@code usage} object; OpenAI's meaning by default. */
  default Usage usage(JsonNode usage) {
    return ChatUsage.read(usage);
  }

  /** Maps a {@code finish_reason} value; OpenAI's values by default. */
  default FinishReason finishReason(String reason) {
    return ChatResponseDecoder.mapFinishReason(reason);
  }

  /**
   * Names of extra fields, of a chunk or response body or of a choice, that {@link #metadata} reads
   * (e.g. {@code provider}, {@code native_finish_reason}). Other unknown fields are skipped without
   * being decoded.
   */
  default Set<String> metadataFields() {
    return Set.of();
  }

  /**
   * Adds provider metadata from one chunk (or a whole response) to {@code metadata}, which already
   * holds {@code response_id} and {@code model}. Called for every chunk that has a {@code usage}
   * object or one of the {@link #metadataFields()}.
   *
   * @param extras the chunk's or choice's fields named in {@link #metadataFields()}, as an object
   * @param usage the {@code usage} object, or a missing node
   */
  default void metadata(JsonNode extras, JsonNode usage, ObjectNode metadata) {}

  /**
   * Whether a stream must end with {@code data: [DONE]}; when true, a body that ends after the
   * finish reason but before the marker (and so possibly before the usage chunk) is incomplete.
   */
  default boolean requiresDoneMarker() {
    return true;
  }
}
