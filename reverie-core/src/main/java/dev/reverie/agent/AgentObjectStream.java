package dev.reverie.agent;

import dev.reverie.Call;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStrategy;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.ResponseFormat;
import dev.reverie.error.NoObjectGeneratedException;
import dev.reverie.error.ReverieException;
import dev.reverie.message.Message;
import dev.reverie.repair.RepairHook;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StepFinish;
import dev.reverie.stream.StepStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An agent run whose answer is a typed object, streaming in: the tool loop runs as usual, and the
 * object's typed partials arrive while the model writes it, through the same incremental engine as
 * {@link ObjectStream} (validated, repaired). The strategy is decided from the model's capabilities
 * ({@link AgentObjectStrategy}).
 *
 * <p>Single-use and pull-based: iterate {@link #partials()} once (or not at all); {@link #result()}
 * runs whatever is left and returns the object with every step and the usage of the whole run, or
 * throws {@link NoObjectFromAgentException} (a {@link NoObjectGeneratedException}) with the steps
 * when the run ended without a valid object; a failure of a model call or a tool run is thrown as
 * is. {@link #close()} may be called from any thread and aborts the run. Use try-with-resources.
 */
public final class AgentObjectStream<T> implements AutoCloseable {
  private final Agent agent;
  private final List<Message> input;
  private final ObjectSchema<T> schema;
  private final RepairHook repair;
  private final AgentRun.Mode mode;
  private final AgentObjectStrategy strategy;
  private final AgentRun run;
  private final Iterator<T> partials = new PartialsIterator();
  private boolean iterated;
  private boolean runDone;
  private ObjectStream<T> current;
  private Iterator<T> currentPartials;
  private AgentObjectResult<T> result;

  AgentObjectStream(
      Agent agent,
      List<Message> input,
      ObjectSchema<T> schema,
      RepairHook repair,
      AgentRun.Mode mode) {
    this.agent = agent;
    this.input = List.copyOf(input);
    this.schema = schema;
    this.repair = repair;
    this.mode = mode;
    var capabilities = agent.model.providerModel().capabilities();
    if (agent.objectStrategy != null
        && !capabilities.objectStrategies().contains(agent.objectStrategy)) {
      throw new IllegalArgumentException(
          "this model does not support the object strategy "
              + agent.objectStrategy
              + "; it supports "
              + capabilities.objectStrategies());
    }
    this.strategy = AgentObjectStrategy.of(capabilities, agent.objectStrategy);
    ResponseFormat format =
        strategy == AgentObjectStrategy.RESPONSE_FORMAT_WITH_TOOLS
            ? new ResponseFormat(schema.schema(), schema.name(), schema.description())
            : null;
    this.run = new AgentRun(agent, this.input, mode, format);
  }

  /** How this run gets its object. */
  public AgentObjectStrategy strategy() {
    return strategy;
  }

  /**
   * The typed partial object after each change, while the model writes it; missing fields are null.
   * Partials of a step that turned out to call tools instead of answering are seen too, when the
   * model wrote text before its tool calls (rare with a response format). Iterable once.
   */
  public Iterable<T> partials() {
    return () -> {
      if (iterated) throw new IllegalStateException("an AgentObjectStream is iterated only once");
      iterated = true;
      return partials;
    };
  }

  /** The steps finished so far. */
  public List<Step> steps() {
    return run.steps();
  }

  /**
   * Runs what is left and returns the object and the whole run.
   *
   * @throws NoObjectFromAgentException when the run ended without a valid object
   * @throws ReverieException when a model call failed or the run was cancelled
   */
  public AgentObjectResult<T> result() {
    if (result != null) return result;
    iterated = true;
    try {
      while (partials.hasNext()) partials.next();
      result = finish();
      return result;
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    run.cancel();
    ObjectStream<T> stream = current;
    if (stream != null) stream.close();
  }

  private AgentObjectResult<T> finish() {
    AgentResult loop = run.result();
    if (strategy == AgentObjectStrategy.RESPONSE_FORMAT_WITH_TOOLS) {
      Step last = loop.finalStep();
      if (stillCallingTools(last)) {
        throw new NoObjectFromAgentException(
            "the model was still calling tools when the run stopped after "
                + loop.steps().size()
                + " steps",
            last.text(),
            last.finishReason(),
            loop.steps(),
            loop.totalUsage(),
            null);
      }
      ObjectStream<T> answer =
          mode == AgentRun.Mode.STREAM && current != null
              ? current
              : ObjectStream.of(textOf(last), schema, ObjectStrategy.RESPONSE_FORMAT, repair);
      ObjectResult<T> object;
      try {
        object = answer.result();
      } catch (NoObjectGeneratedException e) {
        throw new NoObjectFromAgentException(
            e.getMessage(), e.rawText(), e.finishReason(), loop.steps(), loop.totalUsage(), e);
      }
      return new AgentObjectResult<>(
          object.object(), object, loop.steps(), loop.totalUsage(), strategy);
    }
    ObjectResult<T> object;
    try {
      object =
          mode == AgentRun.Mode.STREAM
              ? current.result()
              : agent.model.generateObject(objectCall(loop));
    } catch (NoObjectGeneratedException e) {
      throw new NoObjectFromAgentException(
          e.getMessage(),
          e.rawText(),
          e.finishReason(),
          loop.steps(),
          loop.totalUsage().plus(e.usage()),
          e);
    }
    return new AgentObjectResult<>(
        object.object(), object, loop.steps(), loop.totalUsage().plus(object.usage()), strategy);
  }

  private static boolean stillCallingTools(Step step) {
    return step.toolCalls().stream().anyMatch(call -> !call.providerExecuted());
  }

  /** The final step's answer as a stream of one text delta and a finish. */
  private static PartStream textOf(Step step) {
    List<StreamPart> parts =
        List.of(
            new TextDelta("answer", step.text(), ProviderData.EMPTY),
            new Finish(step.usage(), step.finishReason(), step.providerMetadata()));
    return PartStream.of(parts.iterator(), () -> {});
  }

  /**
   * The object step of {@link AgentObjectStrategy#FINAL_OBJECT_STEP}: the agent's settings without
   * its tools, on the conversation so far minus a last prose answer (the object replaces it).
   */
  private ObjectCall<T> objectCall(AgentResult loop) {
    var messages = new ArrayList<Message>(agent.system);
    messages.addAll(input);
    List<Step> steps = loop.steps();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      boolean proseAnswer = i == steps.size() - 1 && !stillCallingTools(step);
      if (!proseAnswer) messages.addAll(step.messages());
    }
    Call call =
        Call.builder(Prompt.of(messages))
            .maxOutputTokens(agent.maxOutputTokens)
            .temperature(agent.temperature)
            .topP(agent.topP)
            .topK(agent.topK)
            .presencePenalty(agent.presencePenalty)
            .frequencyPenalty(agent.frequencyPenalty)
            .seed(agent.seed)
            .stopSequences(agent.stopSequences)
            .headers(agent.headers)
            .providerOptions(agent.providerOptions)
            .build();
    return ObjectCall.of(call, schema).withRepair(repair).withStrategy(agent.objectStrategy);
  }

  /** Moves to the next source of partials; false when there is none. */
  private boolean nextStage() {
    if (runDone) return false;
    if (strategy == AgentObjectStrategy.RESPONSE_FORMAT_WITH_TOOLS) {
      StreamPart part = run.next();
      while (part != null && !(part instanceof StepStart)) {
        if (part instanceof Error error) throw error.error();
        part = run.next();
      }
      if (part == null) {
        runDone = true;
        return false;
      }
      current =
          ObjectStream.of(
              PartStream.of(new StepParts(), () -> {}),
              schema,
              ObjectStrategy.RESPONSE_FORMAT,
              repair);
      currentPartials = current.partials().iterator();
      return true;
    }
    StreamPart part;
    while ((part = run.next()) != null) {
      if (part instanceof Error error) throw error.error();
    }
    runDone = true;
    if (mode == AgentRun.Mode.GENERATE) return false;
    current = agent.model.streamObject(objectCall(run.result()));
    currentPartials = current.partials().iterator();
    return true;
  }

  /** The partials of every stage, in order. */
  private final class PartialsIterator implements Iterator<T> {
    private T next;

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (currentPartials != null && currentPartials.hasNext()) {
          next = currentPartials.next();
        } else {
          currentPartials = null;
          if (!nextStage()) return false;
        }
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      T value = next;
      next = null;
      return value;
    }
  }

  /**
   * The parts of the current step, as the object engine reads one model answer: its step finish
   * becomes the finish, and the step's parts end there.
   */
  private final class StepParts implements Iterator<StreamPart> {
    private StreamPart next;
    private boolean ended;

    @Override
    public boolean hasNext() {
      if (next != null) return true;
      if (ended) return false;
      StreamPart part = run.next();
      if (part == null) {
        ended = true;
        return false;
      }
      if (part instanceof StepFinish finish) {
        ended = true;
        next = new Finish(finish.usage(), finish.finishReason(), finish.providerMetadata());
      } else {
        if (part instanceof Error) ended = true;
        next = part;
      }
      return true;
    }

    @Override
    public StreamPart next() {
      if (!hasNext()) throw new NoSuchElementException();
      StreamPart part = next;
      next = null;
      return part;
    }
  }
}
