package dev.reverie.codec.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.error.ProviderException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.json.Json;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a {@code generateContent} response body into a {@link Response}. Thread-safe as far as its
 * tool-call id supplier is.
 *
 * <p>Parts of the first candidate map in order: thought text → {@link ReasoningPart}; text → {@link
 * TextPart}; {@code functionCall} → {@link ToolCallPart} (its id, or the next id of the supplier
 * when Gemini gave none). A {@code thoughtSignature} on a text or function-call part goes on the
 * reasoning part just before it when that one has none, else on a new empty reasoning part inserted
 * before it ({@code google.signature}, plus {@code google.tool_id} for a function call), so that
 * the encoder can send it back on the same part. A blocked prompt ({@code
 * promptFeedback.blockReason}, no candidates) is an empty answer with {@link
 * FinishReason#CONTENT_FILTER}.
 */
public final class GeminiResponseDecoder {
  private static final String PROVIDER = GeminiFormat.OPTIONS_KEY;

  private final Supplier<String> toolCallIds;

  /**
   * @param toolCallIds ids for function calls that come without one
   */
  public GeminiResponseDecoder(Supplier<String> toolCallIds) {
    this.toolCallIds = toolCallIds;
  }

  /**
   * Decodes a response body.
   *
   * @throws StreamProtocolException when the body is not a response object, or has no candidate and
   *     no block reason
   * @throws ProviderException when the body is an error object
   */
  public Response decode(String body, List<CallWarning> warnings) {
    JsonNode root = Json.parse(body, "the Gemini response");
    if (root == null || !root.isObject()) {
      throw new StreamProtocolException(
          "the Gemini response is not a JSON object: " + Json.abbreviate(body));
    }
    if (root.path("error").isObject()) throw error(root.get("error"), "", false);
    JsonNode candidate = root.path("candidates").path(0);
    String blockReason = Json.text(root.path("promptFeedback"), "blockReason");
    if (!candidate.isObject()) {
      if (blockReason.isEmpty()) {
        throw new StreamProtocolException(
            "the Gemini response has no candidate: " + Json.abbreviate(body));
      }
      return new Response(
          List.of(),
          FinishReason.CONTENT_FILTER,
          usage(root.path("usageMetadata")),
          warnings,
          metadata(root, ""));
    }
    var parts = new ArrayList<Part>();
    boolean toolCalls = false;
    for (JsonNode part : candidate.path("content").path("parts")) {
      String signature = Json.text(part, "thoughtSignature");
      if (part.has("functionCall")) {
        JsonNode call = part.get("functionCall");
        String id = Json.text(call, "id");
        if (id.isEmpty()) id = toolCallIds.get();
        attachSignature(parts, signature, id);
        JsonNode args = call.get("args");
        parts.add(
            ToolCallPart.of(
                id,
                Json.text(call, "name"),
                args == null || args.isNull() ? "{}" : Json.write(args)));
        toolCalls = true;
      } else if (part.has("text")) {
        String text = Json.text(part, "text");
        if (part.path("thought").asBoolean(false)) {
          parts.add(new ReasoningPart(text, signatureData(signature, "")));
        } else {
          attachSignature(parts, signature, "");
          if (!text.isEmpty()) parts.add(TextPart.of(text));
        }
      }
      // inlineData, executableCode and parts added later carry nothing a Response holds yet
    }
    String finishReason = Json.text(candidate, "finishReason");
    return new Response(
        parts,
        finishReason(finishReason, toolCalls),
        usage(root.path("usageMetadata")),
        warnings,
        metadata(root, finishReason));
  }

  /** Puts a signature on the reasoning part just before, or on a new one. */
  private static void attachSignature(List<Part> parts, String signature, String toolId) {
    if (signature.isEmpty()) return;
    Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
    if (last instanceof ReasoningPart reasoning
        && GeminiRequestEncoder.signature(reasoning.providerData()).isEmpty()) {
      parts.set(
          parts.size() - 1,
          new ReasoningPart(
              reasoning.text(), reasoning.providerData().merge(signatureData(signature, toolId))));
      return;
    }
    parts.add(new ReasoningPart("", signatureData(signature, toolId)));
  }

  /** {@code {"google": {"signature": ..., "tool_id": ...}}}, or empty without a signature. */
  static ProviderData signatureData(String signature, String toolId) {
    if (signature.isEmpty()) return ProviderData.EMPTY;
    ObjectNode data = Json.object();
    data.put(GeminiFormat.SIGNATURE, signature);
    if (!toolId.isEmpty()) data.put(GeminiFormat.TOOL_ID, toolId);
    return ProviderData.of(PROVIDER, Json.value(data));
  }

  /**
   * Maps a {@code finishReason}; a model that called tools finished for {@link
   * FinishReason#TOOL_CALLS} whatever it says ({@code STOP}).
   */
  public static FinishReason finishReason(String reason, boolean toolCalls) {
    if (toolCalls && (reason.isEmpty() || reason.equals("STOP"))) return FinishReason.TOOL_CALLS;
    return switch (reason) {
      case "" -> FinishReason.UNKNOWN;
      case "STOP" -> FinishReason.STOP;
      case "MAX_TOKENS" -> FinishReason.LENGTH;
      case "SAFETY",
          "BLOCKLIST",
          "PROHIBITED_CONTENT",
          "SPII",
          "IMAGE_SAFETY",
          "IMAGE_PROHIBITED_CONTENT" ->
          FinishReason.CONTENT_FILTER;
      case "RECITATION",
          "LANGUAGE",
          "MALFORMED_FUNCTION_CALL",
          "UNEXPECTED_TOOL_CALL",
          "TOO_MANY_TOOL_CALLS" ->
          FinishReason.ERROR;
      default -> FinishReason.OTHER;
    };
  }

  /**
   * Usage from {@code usageMetadata}. Gemini's {@code promptTokenCount} includes cached tokens and
   * its {@code candidatesTokenCount} excludes thoughts; {@link Usage} counts input without cache
   * reads and output with reasoning, as for every provider.
   */
  public static Usage usage(JsonNode metadata) {
    long prompt =
        metadata.path("promptTokenCount").asLong(0)
            + metadata.path("toolUsePromptTokenCount").asLong(0);
    long cached = metadata.path("cachedContentTokenCount").asLong(0);
    long thoughts = metadata.path("thoughtsTokenCount").asLong(0);
    long output = metadata.path("candidatesTokenCount").asLong(0) + thoughts;
    long input = Math.max(0, prompt - cached);
    return new Usage(input, output, input + cached + output, thoughts, 0, cached);
  }

  /**
   * Response-level metadata under {@code google}: the raw {@code finish_reason} and {@code
   * finish_message}, the {@code block_reason} of a blocked prompt, the {@code model_version} and
   * {@code response_id}; only those present.
   */
  static ProviderData metadata(JsonNode root, String finishReason) {
    ObjectNode data = Json.object();
    if (!finishReason.isEmpty()) data.put("finish_reason", finishReason);
    String finishMessage = Json.text(root.path("candidates").path(0), "finishMessage");
    if (!finishMessage.isEmpty()) data.put("finish_message", finishMessage);
    String blockReason = Json.text(root.path("promptFeedback"), "blockReason");
    if (!blockReason.isEmpty()) data.put("block_reason", blockReason);
    String modelVersion = Json.text(root, "modelVersion");
    if (!modelVersion.isEmpty()) data.put("model_version", modelVersion);
    String responseId = Json.text(root, "responseId");
    if (!responseId.isEmpty()) data.put("response_id", responseId);
    return data.isEmpty() ? ProviderData.EMPTY : ProviderData.of(PROVIDER, Json.value(data));
  }

  /**
   * The exception for an {@code error} object in a 200 body or stream; retryable for 429, 5xx and
   * the transient statuses ({@code UNAVAILABLE}, {@code RESOURCE_EXHAUSTED}, {@code INTERNAL}).
   *
   * @param inStream whether it came inside a stream (its code is then not an HTTP status)
   */
  static ProviderException error(JsonNode error, String requestId, boolean inStream) {
    int code = error.path("code").asInt(0);
    String status = Json.text(error, "status");
    String message = Json.text(error, "message");
    boolean retryable =
        ProviderException.isRetryableStatus(code)
            || status.equals("UNAVAILABLE")
            || status.equals("RESOURCE_EXHAUSTED")
            || status.equals("INTERNAL");
    return new ProviderException(
        PROVIDER,
        inStream ? 0 : code,
        status.isEmpty() && code > 0 ? Integer.toString(code) : status,
        message.isEmpty() ? "(no message)" : message,
        requestId,
        retryable,
        -1);
  }
}
