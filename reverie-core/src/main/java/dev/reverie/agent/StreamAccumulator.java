package dev.reverie.agent;

import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.TextPart;
import dev.reverie.stream.Finish;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningEnd;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.Source;
import dev.reverie.stream.StreamStart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextEnd;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a {@link Response} from the parts of one model stream, so that a streamed step records
 * the same content as a generated one.
 *
 * <p>Content keeps the order in which blocks began. Provider data of a text or reasoning block is
 * merged from its start, deltas and end (later fields win), since providers put signatures on any
 * of them. Deltas of a block that never started open it, rather than being lost; an id may be
 * reused for a new block after its end.
 */
final class StreamAccumulator {
  private final List<Object> content = new ArrayList<>();
  private final Map<String, Block> texts = new HashMap<>();
  private final Map<String, Block> reasonings = new HashMap<>();
  private final List<CallWarning> warnings = new ArrayList<>();
  private Finish finish;

  private static final class Block {
    final boolean reasoning;
    final StringBuilder text = new StringBuilder();
    ProviderData providerData = ProviderData.EMPTY;

    Block(boolean reasoning) {
      this.reasoning = reasoning;
    }

    void merge(ProviderData data) {
      providerData = providerData.merge(data);
    }

    Part toPart() {
      return reasoning
          ? new ReasoningPart(text.toString(), providerData)
          : new TextPart(text.toString(), providerData);
    }
  }

  void accept(dev.reverie.stream.StreamPart part) {
    if (part instanceof StreamStart start) {
      warnings.addAll(start.warnings());
    } else if (part instanceof TextStart start) {
      block(texts, start.id(), false).merge(start.providerData());
    } else if (part instanceof TextDelta delta) {
      Block block = block(texts, delta.id(), false);
      block.text.append(delta.delta());
      block.merge(delta.providerData());
    } else if (part instanceof TextEnd end) {
      block(texts, end.id(), false).merge(end.providerData());
      texts.remove(end.id());
    } else if (part instanceof ReasoningStart start) {
      block(reasonings, start.id(), true).merge(start.providerData());
    } else if (part instanceof ReasoningDelta delta) {
      Block block = block(reasonings, delta.id(), true);
      block.text.append(delta.delta());
      block.merge(delta.providerData());
    } else if (part instanceof ReasoningEnd end) {
      block(reasonings, end.id(), true).merge(end.providerData());
      reasonings.remove(end.id());
    } else if (part instanceof ToolCall call) {
      content.add(call.call());
    } else if (part instanceof ToolResult result) {
      content.add(result.result());
    } else if (part instanceof Source source) {
      content.add(source.source());
    } else if (part instanceof Finish done) {
      finish = done;
    }
  }

  private Block block(Map<String, Block> blocks, String id, boolean reasoning) {
    Block block = blocks.get(id);
    if (block == null) {
      block = new Block(reasoning);
      blocks.put(id, block);
      content.add(block);
    }
    return block;
  }

  boolean finished() {
    return finish != null;
  }

  Response toResponse() {
    var parts = new ArrayList<Part>();
    for (Object item : content) parts.add(item instanceof Block b ? b.toPart() : (Part) item);
    Usage usage = finish == null || finish.usage() == null ? Usage.ZERO : finish.usage();
    FinishReason reason =
        finish == null || finish.finishReason() == null
            ? FinishReason.UNKNOWN
            : finish.finishReason();
    ProviderData metadata = finish == null ? ProviderData.EMPTY : finish.providerMetadata();
    return new Response(parts, reason, usage, warnings, metadata);
  }
}
