package dev.reverie.agent;

import dev.reverie.Call;
import dev.reverie.CallWarning;
import dev.reverie.FinishReason;
import dev.reverie.ProviderData;
import dev.reverie.Response;
import dev.reverie.Usage;
import dev.reverie.error.ReverieException;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
import dev.reverie.spi.ModelCapabilities;
import dev.reverie.spi.ProviderModel;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider model that answers from a script, one turn per call, and records every call. Each turn
 * is a {@link Response}: {@code generate} returns it, {@code stream} streams it part by part the
 * way providers do (start/delta/end framing, tool input then the tool call, one finish). A turn may
 * also be raw stream parts or a failure.
 */
final class ScriptedProviderModel implements ProviderModel {
  /** One scripted answer. */
  sealed interface Turn {}

  record Answer(Response response) implements Turn {}

  /** Stream-only: these parts as they are (no finish is added). */
  record RawParts(List<StreamPart> parts) implements Turn {}

  /** {@code generate} throws it; {@code stream} ends with it as an error part. */
  record Failure(ReverieException error) implements Turn {}

  /** A stream that blocks after its first parts until closed, then ends with an error part. */
  record Hang(List<StreamPart> before) implements Turn {}

  /**
   * A stream that blocks after its first parts and is not freed by {@code close()} (a broken
   * abort), only by an interrupt of its reading thread, after which it ends with an error part.
   */
  record Stuck(List<StreamPart> before) implements Turn {}

  private final String modelId;
  private final Deque<Turn> script = new ArrayDeque<>();
  private final Turn fallback;
  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger streamsClosed = new AtomicInteger();
  final AtomicInteger streamsReadToEnd = new AtomicInteger();
  final AtomicInteger streamsClosedBeforeTheirEnd = new AtomicInteger();
  final CountDownLatch hanging = new CountDownLatch(1);

  ScriptedProviderModel(Turn... turns) {
    this("scripted", null, turns);
  }

  private ScriptedProviderModel(String modelId, Turn fallback, Turn... turns) {
    this.modelId = modelId;
    this.fallback = fallback;
    script.addAll(Arrays.asList(turns));
  }

  /** A model that answers every call beyond the script with {@code fallback}. */
  static ScriptedProviderModel repeating(Turn fallback) {
    return new ScriptedProviderModel("scripted", fallback);
  }

  static ScriptedProviderModel named(String modelId, Turn... turns) {
    return new ScriptedProviderModel(modelId, null, turns);
  }

  // ---- turn factories ----

  static Answer text(String text) {
    return answer(FinishReason.STOP, Usage.of(10, 5), TextPart.of(text));
  }

  static Answer toolCalls(ToolCallPart... calls) {
    return answer(FinishReason.TOOL_CALLS, Usage.of(10, 5), calls);
  }

  static Answer answer(FinishReason reason, Usage usage, Part... parts) {
    return new Answer(new Response(List.of(parts), reason, usage, List.of(), ProviderData.EMPTY));
  }

  static ToolCallPart call(String id, String name, String input) {
    return ToolCallPart.of(id, name, input);
  }

  // ---- ProviderModel ----

  @Override
  public String providerId() {
    return "scripted";
  }

  @Override
  public String modelId() {
    return modelId;
  }

  /** What the model declares; tools only unless a test says otherwise. */
  volatile ModelCapabilities capabilities = ModelCapabilities.toolsOnly();

  @Override
  public ModelCapabilities capabilities() {
    return capabilities;
  }

  private Turn nextTurn(Call call) {
    calls.add(call);
    synchronized (script) {
      Turn turn = script.poll();
      if (turn != null) return turn;
    }
    if (fallback != null) return fallback;
    throw new AssertionError("the script has no turn for call " + calls.size());
  }

  @Override
  public Response generate(Call call) {
    Turn turn = nextTurn(call);
    if (turn instanceof Answer answer) return answer.response();
    if (turn instanceof Failure failure) throw failure.error();
    throw new AssertionError("turn " + turn + " cannot be generated");
  }

  @Override
  public PartStream stream(Call call) {
    Turn turn = nextTurn(call);
    if (turn instanceof Hang hang) return hangingStream(hang.before());
    if (turn instanceof Stuck stuck) return stuckStream(stuck.before());
    List<StreamPart> parts;
    if (turn instanceof Answer answer) {
      parts = partsOf(answer.response());
    } else if (turn instanceof RawParts raw) {
      parts = raw.parts();
    } else {
      parts = List.of(new Error(((Failure) turn).error()));
    }
    return endTrackingStream(parts);
  }

  /** A stream over {@code parts} that counts whether it was read to its end before being closed. */
  private PartStream endTrackingStream(List<StreamPart> parts) {
    var endReached = new java.util.concurrent.atomic.AtomicBoolean();
    var iterator = parts.iterator();
    return PartStream.of(
        new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            boolean more = iterator.hasNext();
            if (!more && endReached.compareAndSet(false, true)) streamsReadToEnd.incrementAndGet();
            return more;
          }

          @Override
          public StreamPart next() {
            return iterator.next();
          }
        },
        () -> {
          streamsClosed.incrementAndGet();
          if (!endReached.get()) streamsClosedBeforeTheirEnd.incrementAndGet();
        });
  }

  private PartStream stuckStream(List<StreamPart> before) {
    var pending = new ArrayDeque<>(before);
    var never = new CountDownLatch(1);
    var iterator =
        new java.util.Iterator<StreamPart>() {
          boolean ended;

          @Override
          public boolean hasNext() {
            if (!pending.isEmpty()) return true;
            if (ended) return false;
            hanging.countDown();
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            ended = true;
            pending.add(
                new Error(new dev.reverie.error.TransportException("interrupted", null, false)));
            return true;
          }

          @Override
          public StreamPart next() {
            hasNext();
            return pending.poll();
          }
        };
    return PartStream.of(iterator, streamsClosed::incrementAndGet);
  }

  private PartStream hangingStream(List<StreamPart> before) {
    var closed = new CountDownLatch(1);
    var pending = new ArrayDeque<>(before);
    var iterator =
        new java.util.Iterator<StreamPart>() {
          boolean ended;

          @Override
          public boolean hasNext() {
            if (!pending.isEmpty()) return true;
            if (ended) return false;
            hanging.countDown();
            try {
              closed.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            ended = true;
            pending.add(
                new Error(new dev.reverie.error.TransportException("aborted", null, false)));
            return true;
          }

          @Override
          public StreamPart next() {
            hasNext();
            return pending.poll();
          }
        };
    return PartStream.of(
        iterator,
        () -> {
          streamsClosed.incrementAndGet();
          closed.countDown();
        });
  }

  /** The parts a provider would stream for {@code response}. */
  static List<StreamPart> partsOf(Response response) {
    var parts = new ArrayList<StreamPart>();
    parts.add(new StreamStart(response.warnings()));
    int block = 0;
    for (Part part : response.content()) {
      String id = String.valueOf(block++);
      if (part instanceof TextPart text) {
        parts.add(new TextStart(id, ProviderData.EMPTY));
        for (String piece : halves(text.text())) parts.add(new TextDelta(id, piece));
        parts.add(new TextEnd(id, text.providerData()));
      } else if (part instanceof ReasoningPart reasoning) {
        parts.add(new ReasoningStart(id, ProviderData.EMPTY));
        for (String piece : halves(reasoning.text())) parts.add(new ReasoningDelta(id, piece));
        parts.add(new ReasoningEnd(id, reasoning.providerData()));
      } else if (part instanceof ToolCallPart call) {
        parts.add(
            new ToolInputStart(
                call.toolCallId(), call.toolName(), call.providerExecuted(), ProviderData.EMPTY));
        for (String piece : halves(call.input())) {
          parts.add(new ToolInputDelta(call.toolCallId(), piece));
        }
        parts.add(new ToolInputEnd(call.toolCallId()));
        parts.add(new ToolCall(call));
      } else if (part instanceof ToolResultPart result) {
        parts.add(new ToolResult(result));
      } else if (part instanceof SourcePart source) {
        parts.add(new Source(source));
      }
    }
    parts.add(new Finish(response.usage(), response.finishReason(), response.providerMetadata()));
    return parts;
  }

  private static List<String> halves(String text) {
    if (text.length() < 2) return List.of(text);
    int middle = text.length() / 2;
    return List.of(text.substring(0, middle), text.substring(middle));
  }

  static List<CallWarning> noWarnings() {
    return List.of();
  }
}
