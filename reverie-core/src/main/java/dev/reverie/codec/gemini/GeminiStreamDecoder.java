package dev.reverie.codec.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Usage;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.FrameDecoder;
import dev.reverie.internal.json.Json;
import dev.reverie.internal.sse.SseEvent;
import dev.reverie.message.ToolCallPart;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolInputDelta;
import dev.reverie.stream.ToolInputEnd;
import dev.reverie.stream.ToolInputStart;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns a {@code streamGenerateContent?alt=sse} stream into stream parts. Each {@code data:} event
 * is a whole {@code GenerateContentResponse} carrying the next parts; there is no end marker. Holds
 * the state of one stream; not thread-safe.
 *
 * <p>Text and reasoning blocks get the ids {@code "0"}, {@code "1"}, … in order. Thought text opens
 * (or continues) a reasoning block; other text closes it and opens (or continues) a text block. A
 * {@code thoughtSignature} on a text or function-call part closes the reasoning block just before
 * it with {@code google.signature} on its {@link ReasoningEnd}; with no reasoning open, an empty
 * reasoning block carries it (an open text block is closed first, so the signature stays before the
 * part it came on). A function call closes what is open and comes whole: tool input start, one
 * delta with the arguments, end, then the {@link ToolCall}.
 *
 * <p>Usage is the last {@code usageMetadata} seen (Gemini's counts are cumulative). The stream
 * succeeds at its end when a candidate gave a {@code finishReason}, or the prompt was blocked
 * ({@link FinishReason#CONTENT_FILTER}). An {@code error} object ends it with a {@link
 * dev.reverie.error.ProviderException}; an end without a finish reason with an {@link
 * IncompleteStreamException}; an event that is not JSON with a {@link StreamProtocolException}.
 */
public final class GeminiStreamDecoder implements FrameDecoder<SseEvent> {
  private final String requestId;
  private final Supplier<String> toolCallIds;
  private int nextBlockId;
  private String openText;
  private String openReasoning;
  private boolean toolCalls;
  private String finishReason = "";
  private JsonNode lastResponse;
  private JsonNode usageMetadata;
  private boolean done;
  private StreamProtocolException malformed;

  /**
   * @param requestId the provider's request id, for errors, or empty
   * @param toolCallIds ids for function calls that come without one
   */
  public GeminiStreamDecoder(String requestId, Supplier<String> toolCallIds) {
    this.requestId = requestId == null ? "" : requestId;
    this.toolCallIds = toolCallIds;
  }

  /** The first part of the stream, carrying the call's warnings. */
  public StreamStart start(List<CallWarning> warnings) {
    return new StreamStart(warnings);
  }

  @Override
  public boolean isDone() {
    return done;
  }

  @Override
  public void onFailure(ReverieException error, Consumer<StreamPart> out) {
    if (done) return;
    done = true;
    out.accept(new Error(error));
  }

  @Override
  public void onFrame(SseEvent event, Consumer<StreamPart> out) {
    if (done) return;
    if (malformed != null) {
      onFailure(malformed, out);
      return;
    }
    String data = event.data().strip();
    if (data.isEmpty() || event.isDoneMarker()) return;
    JsonNode node;
    try {
      node = Json.parse(data, "the Gemini stream event at line " + event.lineNumber());
    } catch (StreamProtocolException e) {
      malformed = e;
      return;
    }
    try {
      if (node == null || !node.isObject()) {
        throw new StreamProtocolException(
            "the Gemini stream event at line "
                + event.lineNumber()
                + " is not a JSON object: "
                + Json.abbreviate(data));
      }
      handle(node, out);
    } catch (ReverieException e) {
      onFailure(e, out);
    } catch (RuntimeException e) {
      onFailure(
          new StreamProtocolException(
              "the Gemini stream event at line "
                  + event.lineNumber()
                  + " could not be decoded: "
                  + e.getMessage(),
              e),
          out);
    }
  }

  private void handle(JsonNode response, Consumer<StreamPart> out) {
    if (response.path("error").isObject()) {
      onFailure(GeminiResponseDecoder.error(response.get("error"), requestId, true), out);
      return;
    }
    lastResponse = response;
    if (response.path("usageMetadata").isObject()) usageMetadata = response.get("usageMetadata");
    JsonNode candidate = response.path("candidates").path(0);
    for (JsonNode part : candidate.path("content").path("parts")) {
      String signature = Json.text(part, "thoughtSignature");
      if (part.has("functionCall")) {
        functionCall(part.get("functionCall"), signature, out);
      } else if (part.has("text")) {
        String text = Json.text(part, "text");
        if (part.path("thought").asBoolean(false)) thought(text, signature, out);
        else text(text, signature, out);
      }
    }
    String reason = Json.text(candidate, "finishReason");
    if (!reason.isEmpty()) finishReason = reason;
  }

  private void thought(String text, String signature, Consumer<StreamPart> out) {
    closeText(out);
    if (openReasoning == null) {
      openReasoning = nextId();
      out.accept(new ReasoningStart(openReasoning, ProviderData.EMPTY));
    }
    ProviderData data = GeminiResponseDecoder.signatureData(signature, "");
    if (!text.isEmpty() || !data.isEmpty()) {
      out.accept(new ReasoningDelta(openReasoning, text, data));
    }
  }

  private void text(String text, String signature, Consumer<StreamPart> out) {
    if (!signature.isEmpty()) {
      closeText(out);
      signReasoning(signature, "", out);
    } else {
      closeReasoning(ProviderData.EMPTY, out);
    }
    if (text.isEmpty()) return;
    if (openText == null) {
      openText = nextId();
      out.accept(new TextStart(openText, ProviderData.EMPTY));
    }
    out.accept(new TextDelta(openText, text));
  }

  private void functionCall(JsonNode call, String signature, Consumer<StreamPart> out) {
    closeText(out);
    String id = Json.text(call, "id");
    if (id.isEmpty()) id = toolCallIds.get();
    if (!signature.isEmpty()) signReasoning(signature, id, out);
    else closeReasoning(ProviderData.EMPTY, out);
    String name = Json.text(call, "name");
    JsonNode args = call.get("args");
    String input = args == null || args.isNull() ? "{}" : Json.write(args);
    out.accept(new ToolInputStart(id, name, false, ProviderData.EMPTY));
    out.accept(new ToolInputDelta(id, input));
    out.accept(new ToolInputEnd(id));
    out.accept(new ToolCall(ToolCallPart.of(id, name, input)));
    toolCalls = true;
  }

  /** Closes the open reasoning with the signature, or emits an empty reasoning carrying it. */
  private void signReasoning(String signature, String toolId, Consumer<StreamPart> out) {
    ProviderData data = GeminiResponseDecoder.signatureData(signature, toolId);
    if (openReasoning == null) {
      openReasoning = nextId();
      out.accept(new ReasoningStart(openReasoning, ProviderData.EMPTY));
    }
    closeReasoning(data, out);
  }

  private void closeReasoning(ProviderData data, Consumer<StreamPart> out) {
    if (openReasoning == null) return;
    out.accept(new ReasoningEnd(openReasoning, data));
    openReasoning = null;
  }

  private void closeText(Consumer<StreamPart> out) {
    if (openText == null) return;
    out.accept(new TextEnd(openText, ProviderData.EMPTY));
    openText = null;
  }

  private String nextId() {
    return Integer.toString(nextBlockId++);
  }

  @Override
  public void onEnd(Consumer<StreamPart> out) {
    if (done) return;
    boolean blocked =
        lastResponse != null
            && !Json.text(lastResponse.path("promptFeedback"), "blockReason").isEmpty();
    if (malformed != null || (finishReason.isEmpty() && !blocked)) {
      String detail = malformed == null ? "" : " (its last event was cut off)";
      onFailure(
          new IncompleteStreamException(
              "the Gemini stream ended "
                  + (malformed == null ? "without a finish reason" : "early")
                  + detail
                  + "; the answer may be truncated"),
          out);
      return;
    }
    closeText(out);
    closeReasoning(ProviderData.EMPTY, out);
    done = true;
    Usage usage = usageMetadata == null ? Usage.ZERO : GeminiResponseDecoder.usage(usageMetadata);
    FinishReason reason =
        blocked && finishReason.isEmpty()
            ? FinishReason.CONTENT_FILTER
            : GeminiResponseDecoder.finishReason(finishReason, toolCalls);
    out.accept(
        new Finish(usage, reason, GeminiResponseDecoder.metadata(lastResponse, finishReason)));
  }
}
