package dev.reverie.testing;

import dev.reverie.ProviderData;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.Source;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drains a stream and assembles the assistant's content the way an agent does: text and reasoning
 * accumulated per id (reasoning keeps the latest provider data), tool calls and provider-executed
 * results as they complete, sources apart.
 */
public final class StreamCollector {
  public final List<StreamPart> parts = new ArrayList<>();
  public final List<SourcePart> sources = new ArrayList<>();
  private final Map<String, Object> content = new LinkedHashMap<>();
  public Finish finish;
  public Error error;

  private static final class Reasoning {
    final StringBuilder text = new StringBuilder();
    ProviderData data = ProviderData.EMPTY;
  }

  public static StreamCollector drain(PartStream stream) {
    var collector = new StreamCollector();
    try (stream) {
      for (StreamPart part : stream) collector.accept(part);
    }
    return collector;
  }

  public void accept(StreamPart part) {
    parts.add(part);
    if (part instanceof TextStart start) {
      content.put("text:" + start.id(), new StringBuilder());
    } else if (part instanceof TextDelta delta) {
      ((StringBuilder) content.get("text:" + delta.id())).append(delta.delta());
    } else if (part instanceof ReasoningStart start) {
      var reasoning = new Reasoning();
      if (!start.providerData().isEmpty()) reasoning.data = start.providerData();
      content.put("reasoning:" + start.id(), reasoning);
    } else if (part instanceof ReasoningDelta delta) {
      var reasoning = (Reasoning) content.get("reasoning:" + delta.id());
      reasoning.text.append(delta.delta());
      if (!delta.providerData().isEmpty()) reasoning.data = delta.providerData();
    } else if (part instanceof ReasoningEnd end) {
      var reasoning = (Reasoning) content.get("reasoning:" + end.id());
      if (!end.providerData().isEmpty()) reasoning.data = end.providerData();
    } else if (part instanceof ToolCall call) {
      content.put("call:" + call.call().toolCallId(), call.call());
    } else if (part instanceof ToolResult result) {
      content.put("result:" + result.result().toolCallId(), result.result());
    } else if (part instanceof Source source) {
      sources.add(source.source());
    } else if (part instanceof Finish f) {
      finish = f;
    } else if (part instanceof Error e) {
      error = e;
    }
  }

  /** The assistant's content, in stream order, as parts to replay. */
  public List<Part> assistantParts() {
    var result = new ArrayList<Part>();
    for (Object value : content.values()) {
      if (value instanceof StringBuilder text) result.add(TextPart.of(text.toString()));
      else if (value instanceof Reasoning r)
        result.add(new ReasoningPart(r.text.toString(), r.data));
      else result.add((Part) value);
    }
    return result;
  }

  public String text() {
    var sb = new StringBuilder();
    for (Part part : assistantParts()) if (part instanceof TextPart t) sb.append(t.text());
    return sb.toString();
  }
}
