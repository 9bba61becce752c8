package dev.reverie.codec.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.CallWarning;
import dev.reverie.ProviderData;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.FrameDecoder;
import dev.reverie.internal.json.Json;
import dev.reverie.internal.sse.SseEvent;
import dev.reverie.message.Part;
import dev.reverie.message.SourcePart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
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
import dev.reverie.stream.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the Messages API event stream into stream parts, one event at a time. Holds the state of
 * one stream (open content blocks, stop reason, usage); not thread-safe.
 *
 * <p>Text and reasoning ids are the block index as a string; tool ids are the tool-use ids.
 * Reasoning signatures arrive as {@code {"signature": ...}} in the {@code anthropic} data of a
 * {@link ReasoningDelta} and again, complete, on the {@link ReasoningEnd}. A server tool's result
 * block yields {@link Source} parts and a provider-executed {@link ToolResult} when the block ends.
 *
 * <p>The stream succeeds only with {@code message_stop} after a stop reason. An {@code error} event
 * (e.g. {@code overloaded_error} inside a 200 response) ends it with a {@link ProviderException},
 * retryable for transient kinds; a body that ends early ends it with an {@link
 * IncompleteStreamException}; an event that is not JSON or breaks the block protocol ends it with a
 * {@link StreamProtocolException}. Unknown events, blocks and deltas are skipped, so API additions
 * do not break old clients.
 *
 * <p>As a {@link FrameDecoder} it reads SSE events (Anthropic directly, Vertex); a service that
 * frames the same events otherwise (Bedrock's AWS event stream) feeds them to {@link #onEvent}.
 */
public final class AnthropicStreamDecoder implements FrameDecoder<SseEvent> {
  private static final String PROVIDER = AnthropicFormat.OPTIONS_KEY;

  private final String requestId;
  private final AnthropicEvent event = new AnthropicEvent();
  private final Map<Integer, Block> openBlocks = new HashMap<>();
  private final Map<String, String> serverToolNames = new HashMap<>();
  private final ObjectNode usage = Json.object();
  private String stopReason = "";
  private String stopSequence = "";
  private boolean done;
  // An event that was not JSON: a protocol error, unless it was the cut-off tail of the body.
  private StreamProtocolException malformed;

  /** One content block between its start and its stop. */
  private static final class Block {
    final String type;
    final String id;
    final String toolName;
    final StringBuilder text = new StringBuilder();
    final JsonNode startBlock;
    boolean hasDeltas;

    Block(String type, String id, String toolName, JsonNode startBlock) {
      this.type = type;
      this.id = id;
      this.toolName = toolName;
      this.startBlock = startBlock;
    }
  }

  /**
   * @param requestId the provider's request id, for errors, or empty
   */
  public AnthropicStreamDecoder(String requestId) {
    this.requestId = requestId == null ? "" : requestId;
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
  public void onEnd(Consumer<StreamPart> out) {
    String detail = malformed == null ? "" : " (its last event was cut off)";
    onFailure(
        new IncompleteStreamException(
            "the Anthropic stream ended before message_stop"
                + detail
                + "; the answer may be truncated"),
        out);
  }

  @Override
  public void onFrame(SseEvent event, Consumer<StreamPart> out) {
    if (done) return;
    if (malformed != null) {
      onFailure(malformed, out);
      return;
    }
    if (event.isDoneMarker()) return;
    // The location is spelled out only for an error.
    decode(
        event.event(),
        event.dataArray(),
        event.dataOffset(),
        event.dataLength(),
        null,
        event.lineNumber(),
        out);
  }

  /**
   * Decodes one Messages API event however it was framed: an SSE event, or the payload of an AWS
   * event-stream message (Bedrock). The event's own {@code type} field wins over {@code eventName}.
   *
   * @param eventName the name the framing gave the event (the SSE {@code event:} field), or empty
   * @param json the event's JSON text
   * @param location where the event was, for error messages (e.g. {@code at line 12})
   */
  public void onEvent(String eventName, String json, String location, Consumer<StreamPart> out) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    onEvent(eventName, bytes, 0, bytes.length, location, out);
  }

  /**
   * Decodes one Messages API event from the UTF-8 bytes of its JSON, {@code data[offset, offset +
   * length)}, read once with the stream's parser; as {@link #onEvent(String, String, String,
   * Consumer)} otherwise.
   */
  public void onEvent(
      String eventName,
      byte[] data,
      int offset,
      int length,
      String location,
      Consumer<StreamPart> out) {
    decode(eventName, data, offset, length, location, 0, out);
  }

  private void decode(
      String eventName,
      byte[] data,
      int offset,
      int length,
      String knownLocation,
      long line,
      Consumer<StreamPart> out) {
    if (done) return;
    if (malformed != null) {
      onFailure(malformed, out);
      return;
    }
    try {
      if (!event.read(data, offset, length)) return;
    } catch (AnthropicEvent.NotAnObjectException e) {
      onFailure(
          new StreamProtocolException(
              "the Anthropic stream event "
                  + location(knownLocation, line)
                  + " is not a JSON object: "
                  + Json.abbreviate(new String(data, offset, length, StandardCharsets.UTF_8))),
          out);
      return;
    } catch (IOException e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      // The parser is spent: a protocol error, unless it was the cut-off tail of the body.
      malformed =
          new StreamProtocolException(
              "the Anthropic stream event "
                  + location(knownLocation, line)
                  + " is not valid JSON: "
                  + message
                  + " in: "
                  + Json.abbreviate(new String(data, offset, length, StandardCharsets.UTF_8)),
              e);
      return;
    }
    try {
      handle(event.type.isEmpty() ? eventName : event.type, out);
    } catch (ReverieException e) {
      onFailure(e, out);
    } catch (RuntimeException e) {
      onFailure(
          new StreamProtocolException(
              "the Anthropic stream event "
                  + location(knownLocation, line)
                  + " could not be decoded: "
                  + e.getMessage(),
              e),
          out);
    }
  }

  private static String location(String known, long line) {
    return known != null ? known : "at line " + line;
  }

  private void handle(String type, Consumer<StreamPart> out) {
    switch (type) {
      case AnthropicEvent.BLOCK_DELTA -> blockDelta(index(type), out);
      case AnthropicEvent.MESSAGE_START -> mergeUsage(event.messageUsage);
      case AnthropicEvent.BLOCK_START -> blockStart(index(type), event.contentBlock, out);
      case AnthropicEvent.BLOCK_STOP -> blockStop(index(type), out);
      case AnthropicEvent.MESSAGE_DELTA -> {
        if (!event.stopReason.isEmpty()) stopReason = event.stopReason;
        if (!event.stopSequence.isEmpty()) stopSequence = event.stopSequence;
        mergeUsage(event.usage);
      }
      case AnthropicEvent.MESSAGE_STOP -> finish(out);
      case AnthropicEvent.ERROR -> streamError(event.error, out);
      default -> {
        // ping and event types added after this code was written
      }
    }
  }

  private int index(String type) {
    if (!event.hasIndex) {
      throw new StreamProtocolException("an Anthropic " + type + " event has no block index");
    }
    return event.index;
  }

  private void blockStart(int index, JsonNode startBlock, Consumer<StreamPart> out) {
    JsonNode block = startBlock == null ? MissingNode.getInstance() : startBlock;
    if (openBlocks.containsKey(index)) {
      throw new StreamProtocolException("Anthropic content block " + index + " started twice");
    }
    String type = Json.text(block, "type");
    String blockId = Integer.toString(index);
    switch (type) {
      case "text" -> {
        openBlocks.put(index, new Block(type, blockId, "", block));
        out.accept(new TextStart(blockId, ProviderData.EMPTY));
        String text = Json.text(block, "text");
        if (!text.isEmpty()) out.accept(new TextDelta(blockId, text));
      }
      case "thinking" -> {
        Block open = new Block(type, blockId, "", block);
        open.text.append(Json.text(block, "signature"));
        openBlocks.put(index, open);
        out.accept(new ReasoningStart(blockId, ProviderData.EMPTY));
        String thinking = Json.text(block, "thinking");
        if (!thinking.isEmpty()) out.accept(new ReasoningDelta(blockId, thinking));
      }
      case "redacted_thinking" -> {
        openBlocks.put(index, new Block(type, blockId, "", block));
        out.accept(
            new ReasoningStart(blockId, anthropic("redacted_data", Json.text(block, "data"))));
      }
      case "tool_use", "server_tool_use" -> {
        String toolId = Json.text(block, "id");
        String name = Json.text(block, "name");
        if (toolId.isEmpty()) {
          throw new StreamProtocolException("Anthropic " + type + " block " + index + " has no id");
        }
        boolean server = type.equals("server_tool_use");
        if (server) serverToolNames.put(toolId, name);
        openBlocks.put(index, new Block(type, toolId, name, block));
        out.accept(new ToolInputStart(toolId, name, server, ProviderData.EMPTY));
      }
      default -> openBlocks.put(index, new Block(type, blockId, "", block));
    }
  }

  private void blockDelta(int index, Consumer<StreamPart> out) {
    Block block = openBlock(index, "content_block_delta");
    switch (event.deltaType) {
      case AnthropicEvent.TEXT_DELTA -> {
        String text = event.text;
        if (block.type.equals("text") && !text.isEmpty()) out.accept(new TextDelta(block.id, text));
      }
      case AnthropicEvent.INPUT_JSON_DELTA -> {
        String partial = event.partialJson;
        if (isToolUse(block) && !partial.isEmpty()) {
          block.hasDeltas = true;
          block.text.append(partial);
          out.accept(new ToolInputDelta(block.id, partial));
        }
      }
      case AnthropicEvent.THINKING_DELTA -> {
        String thinking = event.thinking;
        if (block.type.equals("thinking") && !thinking.isEmpty()) {
          out.accept(new ReasoningDelta(block.id, thinking));
        }
      }
      case AnthropicEvent.SIGNATURE_DELTA -> {
        if (block.type.equals("thinking")) {
          block.text.append(event.signature);
          out.accept(
              new ReasoningDelta(block.id, "", anthropic("signature", block.text.toString())));
        }
      }
      default -> {
        // citations_delta (the cited results also arrive as sources) and future delta types
      }
    }
  }

  private void blockStop(int index, Consumer<StreamPart> out) {
    Block block = openBlock(index, "content_block_stop");
    openBlocks.remove(index);
    switch (block.type) {
      case "text" -> out.accept(new TextEnd(block.id, ProviderData.EMPTY));
      case "thinking" ->
          out.accept(new ReasoningEnd(block.id, anthropic("signature", block.text.toString())));
      case "redacted_thinking" ->
          out.accept(
              new ReasoningEnd(
                  block.id, anthropic("redacted_data", Json.text(block.startBlock, "data"))));
      case "tool_use", "server_tool_use" -> {
        String input = block.hasDeltas ? block.text.toString() : initialInput(block.startBlock);
        out.accept(new ToolInputEnd(block.id));
        out.accept(
            new ToolCall(
                new ToolCallPart(
                    block.id,
                    block.toolName,
                    input,
                    block.type.equals("server_tool_use"),
                    ProviderData.EMPTY)));
      }
      default -> {
        if (AnthropicResponseDecoder.isServerToolResult(block.startBlock)) {
          String toolUseId = Json.text(block.startBlock, "tool_use_id");
          for (Part part :
              AnthropicResponseDecoder.serverToolResult(
                  block.startBlock, serverToolNames.get(toolUseId))) {
            if (part instanceof SourcePart source) out.accept(new Source(source));
            else if (part instanceof ToolResultPart result) out.accept(new ToolResult(result));
          }
        }
      }
    }
  }

  private static boolean isToolUse(Block block) {
    return block.type.equals("tool_use") || block.type.equals("server_tool_use");
  }

  /** The input a tool block started with; {@code {}} when the input streams as deltas instead. */
  private static String initialInput(JsonNode startBlock) {
    JsonNode input = startBlock.get("input");
    return input == null || input.isNull() ? "{}" : Json.write(input);
  }

  private Block openBlock(int index, String event) {
    Block block = openBlocks.get(index);
    if (block == null) {
      throw new StreamProtocolException(
          "Anthropic " + event + " for content block " + index + ", which was not started");
    }
    return block;
  }

  private void mergeUsage(JsonNode delta) {
    if (delta == null || !delta.isObject()) return;
    for (Map.Entry<String, JsonNode> field : delta.properties()) {
      if (!field.getValue().isNull()) usage.set(field.getKey(), field.getValue());
    }
  }

  private void finish(Consumer<StreamPart> out) {
    if (stopReason.isEmpty()) {
      onFailure(
          new IncompleteStreamException(
              "the Anthropic stream stopped without a stop reason; the answer may be truncated"),
          out);
      return;
    }
    done = true;
    ProviderData metadata = AnthropicResponseDecoder.metadata(stopReason, stopSequence);
    out.accept(
        new Finish(
            AnthropicResponseDecoder.usage(usage),
            AnthropicResponseDecoder.finishReason(stopReason),
            metadata));
  }

  private void streamError(JsonNode error, Consumer<StreamPart> out) {
    if (error == null) error = MissingNode.getInstance();
    String type = Json.text(error, "type");
    String message = Json.text(error, "message");
    onFailure(
        new ProviderException(
            PROVIDER,
            0,
            type,
            message.isEmpty() ? "(no message)" : message,
            requestId,
            ProviderException.isTransientErrorType(type),
            -1),
        out);
  }

  private static ProviderData anthropic(String key, String value) {
    if (value.isEmpty()) return ProviderData.EMPTY;
    ObjectNode data = Json.object();
    data.put(key, value);
    return ProviderData.of(PROVIDER, data);
  }
}
