package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.ProviderData;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.Role;
import java.util.List;
import java.util.Optional;

/**
 * Passes Anthropic prompt-cache markers through a chat-completions gateway (OpenRouter, Vercel's AI
 * Gateway), which forwards {@code cache_control} to Anthropic models.
 *
 * <p>The markers are the ones Anthropic's own format reads: {@code {"anthropic": {"cache_control":
 * {...}}}} on a message, or on its last part. They go on the system or user message itself (on its
 * last content entry when the content is a list) and, for an assistant message with tool calls, on
 * its last tool call. Tool messages carry none: the gateways' recorded traffic never has them
 * there, so neither do we.
 */
public final class CacheControlPassthrough {
  private static final String KEY = "anthropic";
  private static final String CACHE_CONTROL = "cache_control";

  private CacheControlPassthrough() {}

  /** Adds the message's cache marker, if any, where the gateway reads it. */
  public static void decorate(Message message, ObjectNode wire) {
    Optional<JsonNode> marker = marker(message);
    if (marker.isEmpty() || message.role() == Role.TOOL) return;
    JsonNode toolCalls = wire.get("tool_calls");
    if (message.role() == Role.ASSISTANT && toolCalls != null && toolCalls.size() > 0) {
      ((ObjectNode) toolCalls.get(toolCalls.size() - 1)).set(CACHE_CONTROL, marker.get());
      return;
    }
    JsonNode content = wire.get("content");
    if (content != null && content.isArray() && content.size() > 0) {
      ((ObjectNode) content.get(content.size() - 1)).set(CACHE_CONTROL, marker.get());
    } else {
      wire.set(CACHE_CONTROL, marker.get());
    }
  }

  private static Optional<JsonNode> marker(Message message) {
    Optional<JsonNode> own = marker(message.providerData());
    if (own.isPresent()) return own;
    List<Part> parts = message.parts();
    return parts.isEmpty() ? Optional.empty() : marker(parts.get(parts.size() - 1).providerData());
  }

  private static Optional<JsonNode> marker(ProviderData data) {
    return Json.node(data, KEY).map(o -> o.get(CACHE_CONTROL)).filter(JsonNode::isObject);
  }
}
