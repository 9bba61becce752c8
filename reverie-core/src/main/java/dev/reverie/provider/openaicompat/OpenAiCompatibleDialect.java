package dev.reverie.provider.openaicompat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.codec.chat.ChatDialect;
import dev.reverie.codec.chat.ChatOptionFields;
import dev.reverie.codec.chat.ChatReasoningReader;
import dev.reverie.codec.chat.ChatRequest;
import dev.reverie.codec.chat.ReasoningFieldReader;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.Role;
import dev.reverie.spi.ModelCapabilities;
import java.util.Map;

/**
 * The generic OpenAI-compatible server: reasoning in {@code reasoning_content} or {@code
 * reasoning}, replayed as {@code reasoning_content}; objects through a forced tool unless the
 * server enforces JSON schemas; {@code [DONE]} not required (some servers end the body without it),
 * the finish reason still is.
 */
final class OpenAiCompatibleDialect implements ChatDialect {
  private static final Map<String, String> PASS_THROUGH =
      Map.of("user", "user", "parallel_tool_calls", "parallel_tool_calls");

  private final String providerId;
  private final boolean nativeJsonSchema;

  OpenAiCompatibleDialect(String providerId, boolean nativeJsonSchema) {
    this.providerId = providerId;
    this.nativeJsonSchema = nativeJsonSchema;
  }

  @Override
  public String providerId() {
    return providerId;
  }

  @Override
  public ModelCapabilities capabilities(String modelId) {
    return nativeJsonSchema ? ModelCapabilities.nativeJson() : ModelCapabilities.toolsOnly();
  }

  @Override
  public boolean requiresDoneMarker() {
    return false;
  }

  @Override
  public void prepareRequest(ChatRequest request) {
    var options = Json.node(request.call().providerOptions(), providerId);
    if (options.isEmpty()) return;
    ObjectNode o = options.get();
    ObjectNode body = request.body();
    ChatOptionFields.copy(o, body, PASS_THROUGH);
    String effort =
        ChatOptionFields.reasoningEffort(providerId, o, ChatOptionFields.REASONING_EFFORTS);
    if (!effort.isEmpty()) body.put("reasoning_effort", effort);
    ChatOptionFields.mergeExtraBody(providerId, o, body);
  }

  @Override
  public void decorateMessage(Message message, ObjectNode wireMessage, ChatRequest request) {
    if (message.role() != Role.ASSISTANT) return;
    var reasoning = new StringBuilder();
    for (Part part : message.parts()) {
      if (part instanceof ReasoningPart r) reasoning.append(r.text());
    }
    if (reasoning.length() > 0) wireMessage.put("reasoning_content", reasoning.toString());
  }

  @Override
  public ChatReasoningReader reasoningReader() {
    return new ReasoningFieldReader();
  }
}
