package dev.reverie.agent;

import dev.reverie.LanguageModel;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStrategy;
import dev.reverie.Prompt;
import dev.reverie.ProviderData;
import dev.reverie.error.ReverieException;
import dev.reverie.message.Message;
import dev.reverie.message.Role;
import dev.reverie.repair.RepairHook;
import dev.reverie.stream.Error;
import dev.reverie.stream.StreamPart;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolCallRepair;
import dev.reverie.tool.ToolChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * A model that calls tools in a loop: call the model, run the tools it asked for, append the
 * results, call again, until the model answers without asking for tools or a stop condition holds.
 *
 * <pre>{@code
 * var agent = Agent.builder(model)
 *     .system("You are a helpful assistant")
 *     .tools(Tool.typed("weather", "Get the weather", WeatherInput.class, in -> "40 C"))
 *     .build();
 * AgentResult result = agent.generate("What's the weather in Florence?");
 * }</pre>
 *
 * <p>{@link #generate} runs to the end; {@link #stream} yields every part of every step (see {@link
 * AgentStream}) or drives an {@link AgentListener}. Both share one loop, so they validate, repair,
 * run tools and build the conversation identically. Per step the agent sends the system prompt, the
 * input messages and every message earlier steps added: the assistant message with the model's
 * content (text, reasoning, tool calls, with their provider data, so signatures and encrypted
 * reasoning round-trip) and a tool message with the results in call order.
 *
 * <p>Tool calls of one step run concurrently on a bounded pool that lives for one run and is shut
 * down at its end; {@linkplain Tool#sequential() sequential} tools run alone. A call to an unknown
 * tool, or with arguments that do not parse or do not match the schema, is first offered to the
 * repair hook (default: JSON repair), then recorded as an {@link InvalidToolCall} and answered with
 * an error result; a tool that throws is answered with an error result too. The loop goes on in
 * both cases so the model can correct itself.
 *
 * <p>Cancellation: interrupting the calling thread, or closing the {@link AgentStream}, aborts the
 * model's HTTP exchange and interrupts running tools; the run then fails with a {@link
 * dev.reverie.error.CancelledException}. Retries of failed HTTP exchanges belong to the transport
 * ({@link dev.reverie.RetryPolicy}). Every helper thread a run starts (the reader of each streamed
 * model answer, the tool threads) comes from {@link Builder#threadFactory} and has ended when the
 * run ends; a tool that ignores its interrupt for longer than {@link Builder#toolStopWait} is
 * logged and named in the run's error.
 *
 * <p>Instances are immutable and thread-safe; each run is independent.
 */
public final class Agent {
  /** The step bound used unless {@link Builder#maxSteps(int)} says otherwise. */
  public static final int DEFAULT_MAX_STEPS = 20;

  /** The concurrency bound used unless {@link Builder#maxConcurrentTools(int)} says otherwise. */
  public static final int DEFAULT_MAX_CONCURRENT_TOOLS = 8;

  /** How long a cancelled run waits for interrupted tools unless {@link Builder#toolStopWait}. */
  public static final Duration DEFAULT_TOOL_STOP_WAIT = Duration.ofSeconds(5);

  final LanguageModel model;
  final List<Message> system;
  final List<Tool> tools;
  final List<ProviderToolSpec> providerTools;
  final Integer maxOutputTokens;
  final Double temperature;
  final Double topP;
  final Integer topK;
  final Double presencePenalty;
  final Double frequencyPenalty;
  final Long seed;
  final List<String> stopSequences;
  final ToolChoice toolChoice;
  final Map<String, String> headers;
  final ProviderData providerOptions;
  final List<StopCondition> stopConditions;
  final int maxSteps;
  final PrepareStep prepareStep;
  final ToolCallRepair repair;
  final int maxConcurrentTools;
  final ThreadFactory threadFactory;
  final Duration toolStopWait;
  final ObjectStrategy objectStrategy;

  private Agent(Builder b) {
    model = b.model;
    system = b.system == null ? List.of() : List.of(b.system);
    tools = List.copyOf(b.tools);
    providerTools = List.copyOf(b.providerTools);
    maxOutputTokens = b.maxOutputTokens;
    temperature = b.temperature;
    topP = b.topP;
    topK = b.topK;
    presencePenalty = b.presencePenalty;
    frequencyPenalty = b.frequencyPenalty;
    seed = b.seed;
    stopSequences = List.copyOf(b.stopSequences);
    toolChoice = b.toolChoice;
    headers = Map.copyOf(b.headers);
    providerOptions = b.providerOptions;
    stopConditions = List.copyOf(b.stopConditions);
    maxSteps = b.maxSteps;
    prepareStep = b.prepareStep;
    repair = b.repair;
    maxConcurrentTools = b.maxConcurrentTools;
    threadFactory = b.threadFactory;
    toolStopWait = b.toolStopWait;
    objectStrategy = b.objectStrategy;
    var names = new HashSet<String>();
    for (Tool tool : tools) requireUnique(names, tool.name());
    for (ProviderToolSpec tool : providerTools) requireUnique(names, tool.name());
  }

  private static void requireUnique(HashSet<String> names, String name) {
    if (!names.add(name)) throw new IllegalArgumentException("two tools are named " + name);
  }

  /** Starts an agent on {@code model}. */
  public static Builder builder(LanguageModel model) {
    return new Builder(model);
  }

  /** A builder holding this agent's settings, to derive a variant. */
  public Builder toBuilder() {
    var b = new Builder(model);
    b.system = system.isEmpty() ? null : system.get(0);
    b.tools.addAll(tools);
    b.providerTools.addAll(providerTools);
    b.maxOutputTokens = maxOutputTokens;
    b.temperature = temperature;
    b.topP = topP;
    b.topK = topK;
    b.presencePenalty = presencePenalty;
    b.frequencyPenalty = frequencyPenalty;
    b.seed = seed;
    b.stopSequences = stopSequences;
    b.toolChoice = toolChoice;
    b.headers.putAll(headers);
    b.providerOptions = providerOptions;
    b.stopConditions.addAll(stopConditions);
    b.maxSteps = maxSteps;
    b.prepareStep = prepareStep;
    b.repair = repair;
    b.maxConcurrentTools = maxConcurrentTools;
    b.threadFactory = threadFactory;
    b.toolStopWait = toolStopWait;
    b.objectStrategy = objectStrategy;
    return b;
  }

  public LanguageModel model() {
    return model;
  }

  public List<Tool> tools() {
    return tools;
  }

  /** Runs the loop on one user message and waits for the end. */
  public AgentResult generate(String userPrompt) {
    return generate(Prompt.user(userPrompt));
  }

  /**
   * Runs the loop on a conversation (whose last message is from the user or a tool) and waits for
   * the end.
   *
   * @throws ReverieException when a model call fails, or {@link
   *     dev.reverie.error.CancelledException} when the calling thread is interrupted
   */
  public AgentResult generate(Prompt input) {
    var run = new AgentRun(this, checkInput(input), AgentRun.Mode.GENERATE);
    try {
      StreamPart part;
      while ((part = run.next()) != null) {
        if (part instanceof Error error) throw error.error();
      }
      return run.result();
    } finally {
      run.cancel();
    }
  }

  /** Streams the loop on one user message; close the stream to abort. */
  public AgentStream stream(String userPrompt) {
    return stream(Prompt.user(userPrompt));
  }

  /** Streams the loop on a conversation; close the stream to abort. */
  public AgentStream stream(Prompt input) {
    return new AgentStream(new AgentRun(this, checkInput(input), AgentRun.Mode.STREAM));
  }

  /** Streams the loop on one user message into {@code listener} and returns the result. */
  public AgentResult stream(String userPrompt, AgentListener listener) {
    return stream(Prompt.user(userPrompt), listener);
  }

  /**
   * Streams the loop on a conversation into {@code listener}, on the calling thread, and returns
   * the result.
   *
   * @throws ReverieException when the run fails (after {@link AgentListener#onError})
   */
  public AgentResult stream(Prompt input, AgentListener listener) {
    Objects.requireNonNull(listener, "listener");
    try (AgentStream stream = stream(input)) {
      var dispatcher = new ListenerDispatcher(listener, stream);
      for (StreamPart part : stream) dispatcher.dispatch(part);
      return stream.result();
    }
  }

  /**
   * Runs the loop on one user message and answers with an object of type {@code T}; the schema
   * comes from the type.
   *
   * @throws NoObjectFromAgentException when the run ended without a valid object
   */
  public <T> AgentObjectResult<T> generateObject(Class<T> type, String userPrompt) {
    return generateObject(ObjectSchema.of(type), Prompt.user(userPrompt), null);
  }

  /** As {@link #generateObject(Class, String)}, on a conversation. */
  public <T> AgentObjectResult<T> generateObject(Class<T> type, Prompt input) {
    return generateObject(ObjectSchema.of(type), input, null);
  }

  /**
   * Runs the tool loop on a conversation and answers with an object of {@code schema}: the tools
   * run as usual, and the object is obtained as {@link AgentObjectStrategy} says for this model,
   * validated and, if malformed, repaired (built-in JSON repair, then {@code repair} if not null).
   *
   * @throws NoObjectFromAgentException when the run ended without a valid object: the model kept
   *     calling tools until the run stopped, answered in prose, or wrote an invalid object
   * @throws ReverieException when a model call fails, or {@link
   *     dev.reverie.error.CancelledException} when the calling thread is interrupted
   */
  public <T> AgentObjectResult<T> generateObject(
      ObjectSchema<T> schema, Prompt input, RepairHook repair) {
    Objects.requireNonNull(schema, "schema");
    try (var stream =
        new AgentObjectStream<>(this, checkInput(input), schema, repair, AgentRun.Mode.GENERATE)) {
      return stream.result();
    }
  }

  /** Streams the loop on one user message, answering with an object of type {@code T}. */
  public <T> AgentObjectStream<T> streamObject(Class<T> type, String userPrompt) {
    return streamObject(ObjectSchema.of(type), Prompt.user(userPrompt), null);
  }

  /** Streams the loop on a conversation, answering with an object of type {@code T}. */
  public <T> AgentObjectStream<T> streamObject(Class<T> type, Prompt input) {
    return streamObject(ObjectSchema.of(type), input, null);
  }

  /**
   * Streams the loop on a conversation, answering with an object of {@code schema} whose typed
   * partials arrive while the model writes it; see {@link AgentObjectStream}. Close the stream.
   */
  public <T> AgentObjectStream<T> streamObject(
      ObjectSchema<T> schema, Prompt input, RepairHook repair) {
    Objects.requireNonNull(schema, "schema");
    return new AgentObjectStream<>(this, checkInput(input), schema, repair, AgentRun.Mode.STREAM);
  }

  private static List<Message> checkInput(Prompt input) {
    Objects.requireNonNull(input, "input");
    List<Message> messages = input.messages();
    if (messages.isEmpty())
      throw new IllegalArgumentException("the agent needs at least one message");
    Role last = messages.get(messages.size() - 1).role();
    if (last != Role.USER && last != Role.TOOL) {
      throw new IllegalArgumentException(
          "the last input message must be from the user or a tool, not " + last);
    }
    return messages;
  }

  @Override
  public String toString() {
    return "Agent[" + model + ", tools=" + tools.stream().map(Tool::name).toList() + "]";
  }

  /** Builds an {@link Agent}. Every setting is optional. */
  public static final class Builder {
    private final LanguageModel model;
    private Message system;
    private final List<Tool> tools = new ArrayList<>();
    private final List<ProviderToolSpec> providerTools = new ArrayList<>();
    private Integer maxOutputTokens;
    private Double temperature;
    private Double topP;
    private Integer topK;
    private Double presencePenalty;
    private Double frequencyPenalty;
    private Long seed;
    private List<String> stopSequences = List.of();
    private ToolChoice toolChoice;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private ProviderData providerOptions = ProviderData.EMPTY;
    private final List<StopCondition> stopConditions = new ArrayList<>();
    private int maxSteps = DEFAULT_MAX_STEPS;
    private PrepareStep prepareStep;
    private ToolCallRepair repair = ToolCallRepair.jsonRepair();
    private int maxConcurrentTools = DEFAULT_MAX_CONCURRENT_TOOLS;
    private ThreadFactory threadFactory;
    private Duration toolStopWait = DEFAULT_TOOL_STOP_WAIT;
    private ObjectStrategy objectStrategy;

    private Builder(LanguageModel model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** The system prompt, sent first in every step as a system message; empty for none. */
    public Builder system(String value) {
      system = value == null || value.isEmpty() ? null : Message.system(value);
      return this;
    }

    /**
     * The system message sent first in every step, e.g. one carrying provider data; null for none.
     * A {@link PrepareStep} sees it in {@link StepPlan#system()} and may replace or mark it.
     */
    public Builder system(Message value) {
      if (value != null && value.role() != Role.SYSTEM) {
        throw new IllegalArgumentException("the system message must have role SYSTEM");
      }
      system = value;
      return this;
    }

    /** Adds tools the agent runs when the model calls them. */
    public Builder tools(Tool... values) {
      return tools(Arrays.asList(values));
    }

    public Builder tools(List<Tool> values) {
      values.forEach(t -> tools.add(Objects.requireNonNull(t, "tool")));
      return this;
    }

    /** Adds tools the provider runs itself (web search); their calls and results pass through. */
    public Builder providerTools(ProviderToolSpec... values) {
      for (ProviderToolSpec t : values) providerTools.add(Objects.requireNonNull(t, "tool"));
      return this;
    }

    public Builder maxOutputTokens(Integer value) {
      maxOutputTokens = value;
      return this;
    }

    public Builder temperature(Double value) {
      temperature = value;
      return this;
    }

    public Builder topP(Double value) {
      topP = value;
      return this;
    }

    public Builder topK(Integer value) {
      topK = value;
      return this;
    }

    public Builder presencePenalty(Double value) {
      presencePenalty = value;
      return this;
    }

    public Builder frequencyPenalty(Double value) {
      frequencyPenalty = value;
      return this;
    }

    public Builder seed(Long value) {
      seed = value;
      return this;
    }

    public Builder stopSequences(List<String> value) {
      stopSequences = List.copyOf(value);
      return this;
    }

    /** The tool choice of every step; when not set, {@code auto} is sent whenever tools are. */
    public Builder toolChoice(ToolChoice value) {
      toolChoice = value;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder headers(Map<String, String> values) {
      headers.putAll(values);
      return this;
    }

    public Builder providerOptions(ProviderData value) {
      providerOptions = value == null ? ProviderData.EMPTY : value;
      return this;
    }

    /** Adds conditions that stop the loop after a step that ran tools; any one suffices. */
    public Builder stopWhen(StopCondition... conditions) {
      for (StopCondition c : conditions) stopConditions.add(Objects.requireNonNull(c, "condition"));
      return this;
    }

    /** The most steps a run may take, whatever the stop conditions; 20 unless set. */
    public Builder maxSteps(int value) {
      if (value < 1) throw new IllegalArgumentException("maxSteps must be at least 1");
      maxSteps = value;
      return this;
    }

    /** A hook that may change each step's model, prompt, messages, tools or tool choice. */
    public Builder prepareStep(PrepareStep value) {
      prepareStep = value;
      return this;
    }

    /**
     * The hook that may fix invalid tool calls; JSON repair of the arguments unless set, {@link
     * ToolCallRepair#none()} to turn repair off.
     */
    public Builder toolCallRepair(ToolCallRepair value) {
      repair = value == null ? ToolCallRepair.none() : value;
      return this;
    }

    /** How many tool calls of one step may run at once; 8 unless set. */
    public Builder maxConcurrentTools(int value) {
      if (value < 1) throw new IllegalArgumentException("maxConcurrentTools must be at least 1");
      maxConcurrentTools = value;
      return this;
    }

    /**
     * Where the run's helper threads come from: the tool threads and the thread reading each
     * streamed model answer. Unless set, daemon threads named {@code reverie-agent-<run>-tool-<n>}
     * and {@code reverie-agent-<run>-stream-<n>}.
     */
    public Builder threadFactory(ThreadFactory value) {
      threadFactory = value;
      return this;
    }

    /**
     * How long a run that ends while tools are running waits for them to stop after interrupting
     * them; 5 s unless set. A tool still running then is left behind (its thread cannot be killed),
     * logged as a warning and named in a suppressed exception of the run's error.
     */
    public Builder toolStopWait(Duration value) {
      Objects.requireNonNull(value, "value");
      if (value.isNegative()) {
        throw new IllegalArgumentException("toolStopWait must not be negative");
      }
      toolStopWait = value;
      return this;
    }

    /**
     * How an object agent ({@code generateObject}, {@code streamObject}) gets its object; unless
     * set, the model's capabilities decide ({@link AgentObjectStrategy}). {@link
     * ObjectStrategy#RESPONSE_FORMAT} on a model that takes it alongside tools asks for the object
     * in every step; any other choice makes the last step without tools use that strategy, e.g.
     * {@link ObjectStrategy#SCHEMA_IN_PROMPT} for Anthropic with extended thinking, which refuses a
     * forced tool. The model must support the strategy, or the object step fails with an {@link
     * IllegalArgumentException}.
     */
    public Builder objectStrategy(ObjectStrategy value) {
      objectStrategy = value;
      return this;
    }

    public Agent build() {
      return new Agent(this);
    }
  }
}
