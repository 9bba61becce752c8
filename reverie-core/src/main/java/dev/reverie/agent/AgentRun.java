package dev.reverie.agent;

import dev.reverie.Call;
import dev.reverie.Prompt;
import dev.reverie.Response;
import dev.reverie.ResponseFormat;
import dev.reverie.Usage;
import dev.reverie.error.CancelledException;
import dev.reverie.error.IncompleteStreamException;
import dev.reverie.error.ReverieException;
import dev.reverie.internal.tool.ToolExecutor;
import dev.reverie.message.Message;
import dev.reverie.message.Part;
import dev.reverie.message.ReasoningPart;
import dev.reverie.message.SourcePart;
import dev.reverie.message.TextPart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.stream.Error;
import dev.reverie.stream.Finish;
import dev.reverie.stream.PartStream;
import dev.reverie.stream.StepFinish;
import dev.reverie.stream.StepStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolResult;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolChoice;
import dev.reverie.tool.ToolInvocation;
import dev.reverie.tool.ToolSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One agent run as a pull-driven state machine: each {@link #next()} does just enough work (start a
 * step, read a model part, collect a tool result) to produce the next part. Generate and stream
 * runs differ only in how a step's model answer is obtained, which keeps their behaviour the same.
 *
 * <p>{@link #next()} is called by one thread; {@link #cancel()} may be called from any thread. A
 * model stream is read through a {@link ModelStreamReader}, so an interrupt of the calling thread
 * is noticed even while the HTTP body read is blocked.
 *
 * <p>Every helper thread (model stream readers, tool threads) comes from the run's {@link
 * AgentThreads} and has ended, or been reported, when the run ends: a tool or stream that ignores
 * its interrupt past the bounded wait is logged and named in a suppressed exception of the run's
 * failure.
 */
final class AgentRun {
  enum Mode {
    GENERATE,
    STREAM
  }

  private enum State {
    START_STEP,
    STREAMING,
    RUN_TOOLS,
    DONE
  }

  private final Agent agent;
  private final ResponseFormat responseFormat;
  private final List<Message> input;
  private final Mode mode;
  private final AgentThreads threads;
  private final List<Message> added = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final ArrayDeque<StreamPart> pending = new ArrayDeque<>();
  private State state = State.START_STEP;
  private Usage totalUsage = Usage.ZERO;
  private volatile AgentResult result;
  private volatile ReverieException failure;

  // Shared with cancel(); guarded by lock.
  private final Object lock = new Object();
  private boolean cancelled;
  private ModelStreamReader modelReader;
  private ToolExecutor executor;
  private ToolExecutor.Execution execution;

  // Held for the whole of release(), so that a failure reported after it sees what was left.
  private final Object releaseLock = new Object();
  private final List<String> leftRunning = new ArrayList<>(); // guarded by releaseLock

  // The step in progress.
  private StepPlan plan;
  private ToolCallChecker checker;
  private StreamAccumulator accumulator;
  private Response response;
  private List<ToolCallChecker.Checked> checks;
  private List<ToolResultPart> results;
  private int resultIndex;

  AgentRun(Agent agent, List<Message> input, Mode mode) {
    this(agent, input, mode, null);
  }

  /**
   * A run whose every step also asks for {@code responseFormat} (an object answer alongside tools),
   * or none when null.
   */
  AgentRun(Agent agent, List<Message> input, Mode mode, ResponseFormat responseFormat) {
    this.agent = agent;
    this.responseFormat = responseFormat;
    this.input = List.copyOf(input);
    this.mode = mode;
    this.threads = AgentThreads.forRun(agent.threadFactory);
  }

  /** The next part, or null after the last one. */
  StreamPart next() {
    while (pending.isEmpty() && state != State.DONE) {
      try {
        if (isCancelled()) throw new CancelledException("the agent run was cancelled");
        advance();
      } catch (ReverieException e) {
        fail(e);
      } catch (RuntimeException e) {
        fail(new ReverieException("the agent run failed: " + e, e));
      }
    }
    return pending.poll();
  }

  /** The result of a finished run; throws the failure of a failed one. */
  AgentResult result() {
    if (result != null) return result;
    if (failure != null) throw failure;
    if (isCancelled()) throw new CancelledException("the agent run was cancelled");
    throw new IllegalStateException("the agent run has not finished");
  }

  List<Step> steps() {
    synchronized (steps) {
      return List.copyOf(steps);
    }
  }

  /** Aborts the model exchange, interrupts running tools and releases the tool threads. */
  void cancel() {
    synchronized (lock) {
      cancelled = true;
    }
    release();
  }

  private boolean isCancelled() {
    synchronized (lock) {
      return cancelled;
    }
  }

  private void advance() {
    switch (state) {
      case START_STEP -> startStep();
      case STREAMING -> readModel();
      case RUN_TOOLS -> collectToolResult();
      case DONE -> {}
    }
  }

  private void startStep() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancelledException("the calling thread was interrupted");
    }
    int index = steps.size();
    var messages = new ArrayList<>(input);
    messages.addAll(added);
    var defaults =
        new StepPlan(
            index,
            steps(),
            agent.model,
            agent.system,
            messages,
            agent.tools,
            agent.providerTools,
            agent.toolChoice,
            agent.providerOptions);
    plan =
        agent.prepareStep == null
            ? defaults
            : Objects.requireNonNull(
                agent.prepareStep.prepare(defaults), "prepareStep returned null");
    checker = new ToolCallChecker(plan, agent.repair);
    checks = new ArrayList<>();
    Call call = buildCall(plan);
    pending.add(new StepStart(index));
    if (mode == Mode.GENERATE) {
      Response raw = plan.model().generate(call);
      var content = new ArrayList<Part>();
      for (Part part : raw.content()) {
        if (part instanceof ToolCallPart toolCall && !toolCall.providerExecuted()) {
          ToolCallChecker.Checked checked = checker.check(toolCall);
          checks.add(checked);
          content.add(checked.call());
        } else {
          content.add(part);
        }
      }
      response =
          new Response(
              content, raw.finishReason(), raw.usage(), raw.warnings(), raw.providerMetadata());
      startTools();
    } else {
      PartStream stream = plan.model().stream(call);
      var reader = new ModelStreamReader(stream, threads.streamReaders());
      synchronized (lock) {
        if (cancelled) {
          stream.close();
          throw new CancelledException("the agent run was cancelled");
        }
        modelReader = reader;
      }
      reader.start();
      accumulator = new StreamAccumulator();
      state = State.STREAMING;
    }
  }

  private Call buildCall(StepPlan plan) {
    List<Message> prompt = plan.prompt();
    var specs = new ArrayList<ToolSpec>();
    for (Tool tool : plan.tools()) specs.add(tool.spec());
    specs.addAll(plan.providerTools());
    ToolChoice choice =
        specs.isEmpty() ? null : plan.toolChoice() == null ? ToolChoice.auto() : plan.toolChoice();
    return Call.builder(Prompt.of(prompt))
        .maxOutputTokens(agent.maxOutputTokens)
        .temperature(agent.temperature)
        .topP(agent.topP)
        .topK(agent.topK)
        .presencePenalty(agent.presencePenalty)
        .frequencyPenalty(agent.frequencyPenalty)
        .seed(agent.seed)
        .stopSequences(agent.stopSequences)
        .tools(specs)
        .toolChoice(choice)
        .responseFormat(responseFormat)
        .headers(agent.headers)
        .providerOptions(plan.providerOptions())
        .build();
  }

  private void readModel() {
    ModelStreamReader reader;
    synchronized (lock) {
      reader = modelReader;
    }
    if (reader == null) throw new CancelledException("the agent run was cancelled");
    StreamPart part = reader.take();
    if (part == null) {
      if (isCancelled()) throw new CancelledException("the agent run was cancelled");
      throw new IncompleteStreamException("the model stream ended without a finish part");
    }
    if (part instanceof Error error) {
      if (isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new CancelledException("the agent run was cancelled", error.error());
      }
      throw error.error();
    }
    if (part instanceof Finish) {
      accumulator.accept(part);
      finishModelStream();
      response = accumulator.toResponse();
      startTools();
      return;
    }
    if (part instanceof ToolCall toolCall && !toolCall.call().providerExecuted()) {
      ToolCallChecker.Checked checked = checker.check(toolCall.call());
      checks.add(checked);
      part = checked.call().equals(toolCall.call()) ? part : new ToolCall(checked.call());
    }
    accumulator.accept(part);
    pending.add(part);
  }

  private void startTools() {
    results = new ArrayList<>();
    resultIndex = 0;
    var tasks = new ArrayList<ToolExecutor.Task>();
    for (ToolCallChecker.Checked checked : checks) {
      if (!checked.valid()) continue;
      ToolCallPart call = checked.call();
      tasks.add(
          new ToolExecutor.Task(
              checked.tool(),
              new ToolInvocation(
                  call.toolCallId(), call.toolName(), call.input(), checked.arguments())));
    }
    if (!tasks.isEmpty()) {
      ToolExecutor.Execution started = toolExecutor().start(tasks);
      synchronized (lock) {
        if (cancelled) {
          started.cancel();
          throw new CancelledException("the agent run was cancelled");
        }
        execution = started;
      }
    }
    state = State.RUN_TOOLS;
  }

  private ToolExecutor toolExecutor() {
    synchronized (lock) {
      if (cancelled) throw new CancelledException("the agent run was cancelled");
      if (executor == null) {
        executor =
            ToolExecutor.create(agent.maxConcurrentTools, threads.tools(), agent.toolStopWait);
      }
      return executor;
    }
  }

  private void collectToolResult() {
    if (resultIndex == checks.size()) {
      finishStep();
      return;
    }
    ToolCallChecker.Checked checked = checks.get(resultIndex++);
    ToolOutput output =
        checked.valid() ? currentExecution().awaitNext() : ToolOutput.error(checked.problem());
    ToolCallPart call = checked.call();
    var toolResult = ToolResultPart.of(call.toolCallId(), call.toolName(), output);
    results.add(toolResult);
    pending.add(new ToolResult(toolResult));
  }

  private ToolExecutor.Execution currentExecution() {
    synchronized (lock) {
      if (execution == null) throw new CancelledException("the agent run was cancelled");
      return execution;
    }
  }

  private void finishStep() {
    synchronized (lock) {
      execution = null;
    }
    int index = steps.size();
    var content = new ArrayList<>(response.content());
    content.addAll(results);
    var invalid = new ArrayList<InvalidToolCall>();
    for (ToolCallChecker.Checked checked : checks) {
      if (!checked.valid()) invalid.add(checked.toInvalid());
    }
    List<Message> messages = stepMessages(response.content(), results);
    var step =
        new Step(
            index,
            content,
            invalid,
            response.finishReason(),
            response.usage(),
            response.warnings(),
            response.providerMetadata(),
            messages);
    synchronized (steps) {
      steps.add(step);
    }
    added.addAll(messages);
    totalUsage = totalUsage.plus(step.usage());
    pending.add(new StepFinish(index, step.usage(), step.finishReason(), step.providerMetadata()));
    if (shouldContinue()) {
      state = State.START_STEP;
      return;
    }
    result = new AgentResult(steps(), totalUsage);
    pending.add(new Finish(totalUsage, step.finishReason(), step.providerMetadata()));
    state = State.DONE;
    release();
  }

  private boolean shouldContinue() {
    if (checks.isEmpty()) return false;
    List<Step> done = steps();
    if (done.size() >= agent.maxSteps) return false;
    for (StopCondition condition : agent.stopConditions) {
      if (condition.isMet(done)) return false;
    }
    return true;
  }

  /**
   * The messages a step adds: one assistant message with what the model said (text, reasoning, tool
   * calls and provider-executed results, each with its provider data), then one tool message with
   * the agent's results in call order. Sources are output only; empty text says nothing.
   */
  static List<Message> stepMessages(List<Part> modelContent, List<ToolResultPart> results) {
    var assistant = new ArrayList<Part>();
    for (Part part : modelContent) {
      if (part instanceof TextPart text) {
        if (!text.text().isEmpty()) assistant.add(text);
      } else if (part instanceof ReasoningPart reasoning) {
        if (!reasoning.text().isEmpty() || !reasoning.providerData().isEmpty()) {
          assistant.add(reasoning);
        }
      } else if (!(part instanceof SourcePart)) {
        assistant.add(part);
      }
    }
    var messages = new ArrayList<Message>();
    if (!assistant.isEmpty()) messages.add(Message.assistant(assistant));
    if (!results.isEmpty()) messages.add(Message.tool(results));
    return messages;
  }

  private void fail(ReverieException error) {
    ReverieException reported = error;
    if (!(error instanceof CancelledException)
        && (isCancelled() || Thread.currentThread().isInterrupted())) {
      reported = new CancelledException("the agent run was cancelled", error);
    }
    failure = reported;
    state = State.DONE;
    release();
    for (String thread : leftRunning()) {
      reported.addSuppressed(
          new ReverieException(
              thread + " did not stop after being interrupted; its thread is left running"));
    }
    pending.add(new Error(reported));
  }

  /** Lets the reader read the rest of the finished model stream, then forgets it. */
  private void finishModelStream() {
    ModelStreamReader reader;
    synchronized (lock) {
      reader = modelReader;
    }
    if (reader != null) reader.awaitEnd();
    synchronized (lock) {
      if (modelReader == reader) modelReader = null;
    }
  }

  private List<String> leftRunning() {
    synchronized (releaseLock) {
      return List.copyOf(leftRunning);
    }
  }

  /**
   * Closes the model stream, interrupts running tools and shuts the tool threads down, waiting
   * boundedly; remembers whatever did not stop. A call made while another is in progress waits for
   * it.
   */
  private void release() {
    synchronized (releaseLock) {
      ModelStreamReader reader;
      ToolExecutor.Execution running;
      ToolExecutor toolThreads;
      synchronized (lock) {
        reader = modelReader;
        running = execution;
        toolThreads = executor;
        modelReader = null;
        execution = null;
        executor = null;
      }
      if (reader != null && !reader.cancel()) {
        leftRunning.add("the model stream reader " + reader.threadName());
      }
      if (running != null) running.cancel();
      if (toolThreads != null) {
        for (ToolExecutor.Task task : toolThreads.shutDown()) leftRunning.add(task.describe());
      }
    }
  }
}
