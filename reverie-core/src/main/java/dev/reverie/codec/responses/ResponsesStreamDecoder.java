package dev.reverie.codec.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ProviderException;
import dev.reverie.error.ReverieException;
import dev.reverie.error.StreamProtocolException;
import dev.reverie.internal.framing.FrameDecoder;
import dev.reverie.internal.json.Json;
import dev.reverie.internal.sse.SseEvent;
import dev.reverie.message.SourcePart;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the Responses API's event stream into stream parts, one event at a time. Holds the state of
 * one stream (the output items being written, the response id); not thread-safe.
 *
 * <p>Parts, by output item: a {@code message} is text (its item id is the text id), with a {@link
 * Source} per URL or file citation; a {@code function_call} is tool input (its call id is the tool
 * id) then one {@link ToolCall} when the item is done; a {@code web_search_call} is a
 * provider-executed call and {@link ToolResult}; a {@code reasoning} item is reasoning (its item id
 * is the reasoning id) whose summaries are the text, joined by a line break, and whose {@code
 * openai} data carries {@code item_id}, {@code encrypted_content} and, on the {@link ReasoningEnd},
 * {@code summary}. A reasoning item with neither summaries nor encrypted content yields no parts.
 *
 * <p>The stream succeeds only with {@code response.completed} or {@code response.incomplete} (the
 * latter finishes with the reason it gives, e.g. {@link FinishReason#LENGTH} for {@code
 * max_output_tokens}). {@code response.failed} and {@code error} events end it with a {@link
 * ProviderException} (retryable for transient kinds); a body that ends before the terminal event
 * ends it with an {@link IncompleteStreamException}; an event that is not a JSON object ends it
 * with a {@link StreamProtocolException}. Unknown event and item types are skipped.
 */
public final class ResponsesStreamDecoder implements FrameDecoder<SseEvent> {
  private final String providerId;
  private final ResponsesEvent event = new ResponsesEvent();
  private final Map<String, Item> items = new HashMap<>();
  private final Map<String, Item> open = new LinkedHashMap<>();
  private boolean functionCalls;
  private boolean refused;
  private int sources;
  private boolean done;
  // An event that was not JSON: a protocol error, unless it was the cut-off tail of the body.
  private StreamProtocolException malformed;

  /** One output item between its {@code added} and {@code done} events. */
  private static final class Item {
    final String type;
    final String itemId;
    final String partId;
    final String name;
    final StringBuilder text = new StringBuilder();
    final List<String> summaries = new ArrayList<>();
    String encryptedContent = "";
    boolean started;
    // Whether a summary is being written (its text in `text`, earlier ones in `summaries`).
    boolean inSummary;

    Item(String type, String itemId, String partId, String name) {
      this.type = type;
      this.itemId = itemId;
      this.partId = partId;
      this.name = name;
    }
  }

  /**
   * @param providerId the provider, for errors (e.g. {@code openai}, {@code azure})
   */
  public ResponsesStreamDecoder(String providerId) {
    this.providerId = providerId;
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
            "the "
                + providerId
                + " Responses stream ended before response.completed"
                + detail
                + "; the answer may be truncated"),
        out);
  }

  @Override
  public void onFrame(SseEvent frame, Consumer<StreamPart> out) {
    if (done) return;
    if (malformed != null) {
      onFailure(malformed, out);
      return;
    }
    if (frame.dataLength() == 0 || frame.isDoneMarker()) return;
    try {
      if (!event.read(frame.dataArray(), frame.dataOffset(), frame.dataLength())) return;
    } catch (ResponsesEvent.NotAnObjectException e) {
      onFailure(
          new StreamProtocolException(
              providerId
                  + " Responses stream: the event at line "
                  + frame.lineNumber()
                  + " is not a JSON object: "
                  + Json.abbreviate(frame.data())),
          out);
      return;
    } catch (Exception e) {
      malformed =
          new StreamProtocolException(
              providerId
                  + " Responses stream: the event at line "
                  + frame.lineNumber()
                  + " is not valid JSON: "
                  + Json.abbreviate(frame.data()),
              e);
      return;
    }
    try {
      handle(out);
    } catch (ReverieException e) {
      onFailure(e, out);
    } catch (RuntimeException e) {
      onFailure(
          new StreamProtocolException(
              providerId
                  + " Responses stream: the event at line "
                  + frame.lineNumber()
                  + " could not be decoded: "
                  + e.getMessage(),
              e),
          out);
    }
  }

  private void handle(Consumer<StreamPart> out) {
    switch (event.type) {
      case ResponsesEvent.TEXT_DELTA -> {
        if (!event.delta.isEmpty()) out.accept(new TextDelta(textItem(out).partId, event.delta));
      }
      case ResponsesEvent.REFUSAL_DELTA -> {
        refused = true;
        if (!event.delta.isEmpty()) out.accept(new TextDelta(textItem(out).partId, event.delta));
      }
      case ResponsesEvent.SUMMARY_TEXT_DELTA -> {
        Item reasoning = reasoningItem(out);
        reasoning.inSummary = true;
        reasoning.text.append(event.delta);
        if (!event.delta.isEmpty()) out.accept(new ReasoningDelta(reasoning.partId, event.delta));
      }
      case ResponsesEvent.ARGUMENTS_DELTA -> {
        Item call = open.get(event.itemId);
        if (call == null || !call.type.equals("function_call")) {
          throw new StreamProtocolException(
              providerId
                  + " Responses stream: arguments for item "
                  + event.itemId
                  + ", which is not an open function call");
        }
        call.text.append(event.delta);
        if (!event.delta.isEmpty()) out.accept(new ToolInputDelta(call.partId, event.delta));
      }
      case ResponsesEvent.ITEM_ADDED -> itemAdded(event.item, out);
      case ResponsesEvent.ITEM_DONE -> itemDone(event.item, out);
      case ResponsesEvent.ANNOTATION_ADDED -> {
        if (event.annotation != null) {
          SourcePart source =
              ResponsesResponseDecoder.source(event.annotation, "source-" + sources);
          if (source != null) {
            sources++;
            out.accept(new Source(source));
          }
        }
      }
      case ResponsesEvent.SUMMARY_PART_ADDED -> {
        Item reasoning = reasoningItem(out);
        if (reasoning.inSummary) {
          // Summaries are joined by a line break, as in a whole response.
          reasoning.summaries.add(reasoning.text.toString());
          reasoning.text.setLength(0);
          out.accept(new ReasoningDelta(reasoning.partId, "\n"));
        }
        reasoning.inSummary = true;
      }
      case ResponsesEvent.COMPLETED, ResponsesEvent.INCOMPLETE -> finish(out);
      case ResponsesEvent.FAILED -> {
        JsonNode error = event.response == null ? null : event.response.path("error");
        onFailure(
            ResponsesResponseDecoder.failure(
                providerId, error == null ? Json.object() : error, "the response failed"),
            out);
      }
      case ResponsesEvent.ERROR -> {
        if (event.error != null) {
          onFailure(ResponsesResponseDecoder.failure(providerId, event.error, event.message), out);
        } else {
          var error = Json.object().put("code", event.code).put("message", event.message);
          onFailure(ResponsesResponseDecoder.failure(providerId, error, ""), out);
        }
      }
      default -> {
        // response.created, in_progress, content_part.*, *.done, web_search_call.* and event
        // types added after this code was written
      }
    }
  }

  private void itemAdded(JsonNode item, Consumer<StreamPart> out) {
    if (item == null) return;
    String type = Json.text(item, "type");
    String itemId = Json.text(item, "id");
    if (itemId.isEmpty()) {
      throw new StreamProtocolException(
          providerId + " Responses stream: a " + type + " item was added without an id");
    }
    if (items.containsKey(itemId)) {
      throw new StreamProtocolException(
          providerId + " Responses stream: item " + itemId + " was added twice");
    }
    Item added;
    switch (type) {
      case "message" -> {
        added = new Item(type, itemId, itemId, "");
        added.started = true;
        out.accept(new TextStart(itemId, ProviderData.EMPTY));
      }
      case "function_call" -> {
        String callId = Json.text(item, "call_id");
        added = new Item(type, itemId, callId.isEmpty() ? itemId : callId, Json.text(item, "name"));
        added.started = true;
        out.accept(new ToolInputStart(added.partId, added.name, false, ProviderData.EMPTY));
      }
      case "web_search_call" -> {
        added = new Item(type, itemId, itemId, ResponsesTools.WEB_SEARCH_NAME);
        added.started = true;
        out.accept(new ToolInputStart(itemId, added.name, true, ProviderData.EMPTY));
      }
      case "reasoning" -> {
        added = new Item(type, itemId, itemId, "");
        added.encryptedContent = Json.text(item, "encrypted_content");
        if (!added.encryptedContent.isEmpty()) startReasoning(added, out);
      }
      default -> added = new Item(type, itemId, itemId, "");
    }
    items.put(itemId, added);
    open.put(itemId, added);
  }

  private void itemDone(JsonNode item, Consumer<StreamPart> out) {
    if (item == null) return;
    String itemId = Json.text(item, "id");
    Item done = open.remove(itemId);
    if (done == null) {
      if (items.containsKey(itemId)) {
        throw new StreamProtocolException(
            providerId + " Responses stream: item " + itemId + " was done twice");
      }
      // Done without added: take the item as it is now.
      itemAdded(item, out);
      done = open.remove(itemId);
    }
    switch (done.type) {
      case "message" -> out.accept(new TextEnd(done.partId, ProviderData.EMPTY));
      case "function_call" -> {
        functionCalls = true;
        String arguments = Json.text(item, "arguments");
        if (arguments.isEmpty()) arguments = done.text.toString();
        out.accept(new ToolInputEnd(done.partId));
        out.accept(new ToolCall(ResponsesResponseDecoder.functionCall(item, arguments)));
      }
      case "web_search_call" -> {
        out.accept(new ToolInputEnd(done.partId));
        out.accept(new ToolCall(ResponsesResponseDecoder.webSearchCall(item)));
        out.accept(new ToolResult(ResponsesResponseDecoder.webSearchResult(item)));
      }
      case "reasoning" -> {
        String encrypted = Json.text(item, "encrypted_content");
        if (!encrypted.isEmpty()) done.encryptedContent = encrypted;
        if (done.inSummary) done.summaries.add(done.text.toString());
        // Summaries as the API has them, when the done item carries them; else as streamed.
        List<String> summaries = new ArrayList<>();
        for (JsonNode summary : item.path("summary")) summaries.add(Json.text(summary, "text"));
        if (summaries.isEmpty()) summaries = done.summaries;
        if (!done.started) {
          if (done.encryptedContent.isEmpty() && summaries.isEmpty()) return;
          startReasoning(done, out);
        }
        out.accept(
            new ReasoningEnd(
                done.partId,
                ResponsesResponseDecoder.reasoningData(
                    done.itemId, done.encryptedContent, summaries)));
      }
      default -> {
        // items without parts (file search, code interpreter… results come as their own events)
      }
    }
  }

  private void startReasoning(Item reasoning, Consumer<StreamPart> out) {
    if (reasoning.started) return;
    reasoning.started = true;
    out.accept(
        new ReasoningStart(
            reasoning.partId,
            ResponsesResponseDecoder.reasoningData(
                reasoning.itemId, reasoning.encryptedContent, null)));
  }

  /** The open message item a text event is for; one is started when the API skipped it. */
  private Item textItem(Consumer<StreamPart> out) {
    Item item = open.get(event.itemId);
    if (item != null && item.type.equals("message")) return item;
    if (item != null || event.itemId.isEmpty()) {
      throw new StreamProtocolException(
          providerId + " Responses stream: text for item '" + event.itemId + "', not a message");
    }
    itemAdded(Json.object().put("type", "message").put("id", event.itemId), out);
    return open.get(event.itemId);
  }

  /** The open reasoning item a summary event is for, started if needed. */
  private Item reasoningItem(Consumer<StreamPart> out) {
    Item item = open.get(event.itemId);
    if (item == null || !item.type.equals("reasoning")) {
      throw new StreamProtocolException(
          providerId
              + " Responses stream: a reasoning summary for item '"
              + event.itemId
              + "', which is not open reasoning");
    }
    startReasoning(item, out);
    return item;
  }

  private void finish(Consumer<StreamPart> out) {
    JsonNode response = event.response == null ? Json.object() : event.response;
    // Close what the API left open, so that every start has its end.
    for (Item item : new ArrayList<>(open.values())) {
      if (!item.started) continue;
      switch (item.type) {
        case "message" -> out.accept(new TextEnd(item.partId, ProviderData.EMPTY));
        case "reasoning" -> out.accept(new ReasoningEnd(item.partId, ProviderData.EMPTY));
        case "function_call", "web_search_call" -> out.accept(new ToolInputEnd(item.partId));
        default -> {}
      }
    }
    open.clear();
    String incomplete = ResponsesResponseDecoder.incompleteReason(response);
    if (event.type.equals(ResponsesEvent.INCOMPLETE) && incomplete.isEmpty()) incomplete = "other";
    FinishReason reason =
        refused
            ? FinishReason.CONTENT_FILTER
            : ResponsesResponseDecoder.finishReason(incomplete, functionCalls);
    done = true;
    out.accept(
        new Finish(
            ResponsesResponseDecoder.usage(response.path("usage")),
            reason,
            ResponsesResponseDecoder.metadata(response)));
  }
}
