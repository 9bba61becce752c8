package dev.reverie.codec.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Usage;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.json.Json;
import dev.reverie.internal.sse.SseEvent;
import dev.reverie.message.SourcePart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.Source;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolInputDelta;
import dev.reverie.stream.ToolInputEnd;
import dev.reverie.stream.ToolInputStart;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns chat-completions SSE events into stream parts, one event at a time. Holds the state of one
 * stream (open text, tool calls being written, finish reason, usage); not thread-safe.
 *
 * <p>A stream succeeds only if a finish reason arrived; {@code [DONE]} or the end of the body
 * without one yields an {@link IncompleteStreamException}.
 */
final class ChatStreamDecoder
    implements dev.reverie.internal.framing.FrameDecoder<dev.reverie.internal.sse.SseEvent> {
  private static final String TEXT_ID = "text-0";

  private final ChatDialect dialect;
  private final ChatChunkReader chunks;
  private final ChatReasoningReader reasoning;
  private final TreeMap<Integer, OpenToolCall> toolCalls = new TreeMap<>();
  private boolean textOpen;
  private boolean reasoningOpen;
  // Reasoning may come in several blocks (e.g. more after a tool call): each has its own id.
  private int reasoningBlocks;
  private String reasoningId = "";
  private FinishReason finishReason;
  private Usage usage = Usage.ZERO;
  // Provider metadata out (response id, model, whatever the dialect adds), made into
  // ProviderData once, at the finish.
  private final com.fasterxml.jackson.databind.node.ObjectNode metadata = Json.object();
  private boolean identityRead;
  // An event that was not valid JSON, kept until the next frame or the end says what it was.
  private StreamProtocolException malformed;
  private long malformedLine;
  private boolean done;
  private boolean sawDone;
  private boolean refused;

  private static final class OpenToolCall {
    final String id;
    final String name;
    final StringBuilder input = new StringBuilder();
    boolean ended;

    OpenToolCall(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  public ChatStreamDecoder(ChatDialect dialect) {
    this.dialect = dialect;
    this.chunks = new ChatChunkReader(dialect.metadataFields());
    this.reasoning = dialect.reasoningReader();
  }

  /** The first part of every stream. */
  public StreamPart start(List<CallWarning> warnings) {
    return new StreamStart(warnings);
  }

  @Override
  public boolean isDone() {
    return done;
  }

  /**
   * Decodes one event; emits zero or more parts. After a terminal part ({@link Finish} or {@link
   * Error}) nothing more is emitted.
   */
  @Override
  public void onFrame(SseEvent event, Consumer<StreamPart> out) {
    if (done) return;
    if (malformed != null) {
      // More followed the broken event: it was garbage, not the network cutting the body short.
      fail(malformed, out);
      return;
    }
    if (event.isDoneMarker()) {
      sawDone = true;
      finish(out);
      return;
    }
    ChatChunk chunk;
    try {
      chunk = chunks.read(event.dataArray(), event.dataOffset(), event.dataLength(), !identityRead);
    } catch (ChatChunkReader.NotAnObjectException e) {
      fail(
          new StreamProtocolException(
              dialect.serviceId()
                  + " stream: the event at line "
                  + event.lineNumber()
                  + " is not a JSON object: "
                  + Json.abbreviate(event.data())),
          out);
      return;
    } catch (Exception e) {
      // Decided by what comes next: another event makes this a protocol error; the end of the
      // body makes it a truncation, retryable like a body cut between events.
      malformed =
          new StreamProtocolException(
              dialect.serviceId()
                  + " stream: the event at line "
                  + event.lineNumber()
                  + " is not valid JSON: "
                  + Json.abbreviate(event.data()),
              e);
      malformedLine = event.lineNumber();
      return;
    }
    if (!chunk.error().isNull()) {
      JsonNode error = chunk.error();
      String type = Json.text(error, "type");
      String code = Json.text(error, "code");
      // Gateways (OpenRouter) put the upstream's HTTP status in a numeric code: 429 and 5xx are
      // as transient inside a stream as they are as a response status.
      boolean transientError =
          ProviderException.isTransientErrorType(type)
              || ProviderException.isTransientErrorType(code)
              || (error.path("code").canConvertToInt()
                  && ProviderException.isRetryableStatus(error.path("code").asInt()));
      fail(
          new ProviderException(
              dialect.serviceId(),
              0,
              type.isEmpty() ? code : type,
              error.isTextual() ? error.asText() : Json.text(error, "message"),
              "",
              transientError,
              -1),
          out);
      return;
    }
    if (!identityRead && !chunk.id().isEmpty()) {
      identityRead = true;
      metadata.put("response_id", chunk.id());
      if (!chunk.model().isEmpty()) metadata.put("model", chunk.model());
    }
    if (chunk.usage().isObject()) usage = dialect.usage(chunk.usage());
    if (chunk.usage().isObject() || !chunk.extras().isNull()) {
      dialect.metadata(chunk.extras(), chunk.usage(), metadata);
    }
    for (ChatChunk.Choice choice : chunk.choices()) {
      if (choice.index() != 0) continue;
      onDelta(choice.deltaRest(), choice.content(), choice.refusal(), out);
      if (!choice.finishReason().isEmpty()) {
        finishReason = dialect.finishReason(choice.finishReason());
      }
      if (!choice.extras().isNull()) {
        dialect.metadata(choice.extras(), NullNode.getInstance(), metadata);
      }
    }
  }

  private void onDelta(JsonNode delta, String text, String refusal, Consumer<StreamPart> out) {
    // Nearly every chunk carries content alone, and then there is no other delta field to read.
    boolean more = !delta.isNull();
    if (more && delta.isObject()) {
      String reasoningText = reasoning.read(delta);
      if (!reasoningOpen && reasoning.hasPending()) {
        // Reasoning after text starts a block of its own: the text so far ends first.
        closeText(out);
        reasoningOpen = true;
        reasoningId = "reasoning-" + reasoningBlocks++;
        out.accept(new ReasoningStart(reasoningId, ProviderData.EMPTY));
      }
      if (!reasoningText.isEmpty()) out.accept(new ReasoningDelta(reasoningId, reasoningText));
    }
    if (!refusal.isEmpty()) {
      // A refusal is the model's answer in place of content: show it as text, finish as filtered.
      refused = true;
      closeReasoning(out);
      if (!textOpen) {
        textOpen = true;
        out.accept(new TextStart(TEXT_ID, ProviderData.EMPTY));
      }
      out.accept(new TextDelta(TEXT_ID, refusal));
    }
    if (!text.isEmpty()) {
      closeReasoning(out);
      if (!textOpen) {
        textOpen = true;
        out.accept(new TextStart(TEXT_ID, ProviderData.EMPTY));
      }
      out.accept(new TextDelta(TEXT_ID, text));
    }
    if (!more) return;
    for (JsonNode annotation : delta.path("annotations")) {
      if ("url_citation".equals(Json.text(annotation, "type"))) {
        JsonNode c = annotation.path("url_citation");
        out.accept(
            new Source(
                SourcePart.url(
                    "source-" + c.path("url").asText().hashCode(),
                    Json.text(c, "url"),
                    Json.text(c, "title"))));
      }
    }
    for (JsonNode call : delta.path("tool_calls")) onToolCallDelta(call, out);
  }

  private void onToolCallDelta(JsonNode call, Consumer<StreamPart> out) {
    int index = call.path("index").asInt(toolCalls.size());
    JsonNode function = call.path("function");
    OpenToolCall open = toolCalls.get(index);
    if (open == null) {
      String type = Json.text(call, "type");
      if (!type.isEmpty() && !type.equals("function")) {
        fail(
            new StreamProtocolException(
                dialect.serviceId() + " stream: unsupported tool call type '" + type + "'"),
            out);
        return;
      }
      closeReasoning(out);
      closeText(out);
      // A new index closes the calls before it: their input is complete.
      for (OpenToolCall earlier : toolCalls.values()) endInput(earlier, out);
      String id = Json.text(call, "id");
      open =
          new OpenToolCall(id.isEmpty() ? "tool-call-" + index : id, Json.text(function, "name"));
      toolCalls.put(index, open);
      out.accept(new ToolInputStart(open.id, open.name, false, ProviderData.EMPTY));
    }
    String arguments = Json.text(function, "arguments");
    if (!arguments.isEmpty()) {
      open.input.append(arguments);
      out.accept(new ToolInputDelta(open.id, arguments));
    }
  }

  private static void endInput(OpenToolCall call, Consumer<StreamPart> out) {
    if (call.ended) return;
    call.ended = true;
    out.accept(new ToolInputEnd(call.id));
  }

  private void closeText(Consumer<StreamPart> out) {
    if (textOpen) {
      textOpen = false;
      out.accept(new TextEnd(TEXT_ID, ProviderData.EMPTY));
    }
  }

  private void closeReasoning(Consumer<StreamPart> out) {
    if (reasoningOpen) {
      reasoningOpen = false;
      out.accept(new ReasoningEnd(reasoningId, reasoning.endBlock()));
    }
  }

  /** Call at the end of the body (or on {@code [DONE]}): emits the terminal part. */
  public void finish(Consumer<StreamPart> out) {
    if (done) return;
    if (finishReason == null) {
      fail(
          new IncompleteStreamException(
              dialect.serviceId()
                  + " stream ended without a finish reason; the answer may be truncated"),
          out);
      return;
    }
    closeReasoning(out);
    closeText(out);
    var calls = new ArrayList<OpenToolCall>(toolCalls.values());
    for (OpenToolCall call : calls) endInput(call, out);
    for (OpenToolCall call : calls) {
      out.accept(new ToolCall(ToolCallPart.of(call.id, call.name, call.input.toString())));
    }
    FinishReason reason = ChatResponseDecoder.withToolCalls(finishReason, !calls.isEmpty());
    if (refused) reason = FinishReason.CONTENT_FILTER;
    done = true;
    out.accept(
        new Finish(
            usage,
            reason,
            metadata.isEmpty()
                ? ProviderData.EMPTY
                : ProviderData.of(dialect.providerId(), metadata)));
  }

  /** Emits a terminal error part. */
  public void fail(ReverieException error, Consumer<StreamPart> out) {
    if (done) return;
    done = true;
    out.accept(new Error(error));
  }

  @Override
  public void onEnd(Consumer<StreamPart> out) {
    if (malformed != null) {
      fail(
          new IncompleteStreamException(
              dialect.serviceId()
                  + " stream was cut off inside its last event (line "
                  + malformedLine
                  + "); the answer may be truncated"),
          out);
      return;
    }
    if (!sawDone && dialect.requiresDoneMarker()) {
      fail(
          new IncompleteStreamException(
              dialect.serviceId()
                  + " stream ended without [DONE]; the answer or its usage may be missing"),
          out);
      return;
    }
    finish(out);
  }

  @Override
  public void onFailure(ReverieException error, Consumer<StreamPart> out) {
    fail(error, out);
  }
}
