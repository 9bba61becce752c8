package dev.reverie.cli;

import dev.reverie.LanguageModel;
import dev.reverie.Providers;
import dev.reverie.Usage;
import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentListener;
import dev.reverie.agent.AgentResult;
import dev.reverie.agent.Step;
import dev.reverie.cassette.Cassette;
import dev.reverie.cassette.ReplayTransport;
import dev.reverie.cassette.RequestCheck;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolOutput;
import dev.reverie.message.ToolResultPart;
import dev.reverie.schema.Description;
import dev.reverie.spi.ProviderSettings;
import dev.reverie.tool.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reverie demo agent}: replays a recorded tool-calling conversation (gpt-4o asking a weather
 * tool, then answering) through the real OpenAI provider and the real agent loop, offline, printing
 * each step as it happens: the tool call as its arguments stream in, the tool's result, and the
 * answer.
 */
@Command(
    name = "agent",
    description =
        "Replay a recorded tool-calling conversation offline through the agent, showing each step.",
    mixinStandardHelpOptions = true)
final class AgentDemoCommand implements Callable<Integer> {
  static final String RECORDING = "/demo/tool_streaming.yaml";
  static final String SYSTEM = "You are a helpful assistant";
  static final String QUESTION = "What's the weather in Florence,Italy?";

  /** The weather tool's input, as the recorded request declares it. */
  record WeatherQuery(@Description("the city") String location) {}

  @Spec CommandSpec spec;

  @Option(
      names = "--delay-ms",
      description =
          "Pause per body read, to watch the stream (default: 15 on a terminal, 0 otherwise).")
  Integer delayMillis;

  @Option(names = "--debug", description = "Show stack traces on errors.")
  boolean debug;

  /** The demo's tool: answers what the recording's tool answered. */
  static Tool weatherTool() {
    return Tool.typed(
        "weather", "Get weather information for a location", WeatherQuery.class, query -> "40 C");
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ReplayTransport replay;
    try (InputStream in = AgentDemoCommand.class.getResourceAsStream(RECORDING)) {
      if (in == null)
        throw new IllegalStateException("the bundled recording " + RECORDING + " is missing");
      replay = new ReplayTransport(Cassette.load(in, RECORDING));
    }
    int delay = delayMillis != null ? delayMillis : (System.console() != null ? 15 : 0);
    LanguageModel model =
        Providers.languageModel(
            "openai:gpt-4o",
            ProviderSettings.builder()
                .apiKey("replay-needs-no-key")
                .transport(new PacedTransport(replay, Duration.ofMillis(delay)))
                .build());
    Agent agent =
        Agent.builder(model).system(SYSTEM).tools(weatherTool()).maxOutputTokens(4000).build();

    out.println("Replaying gpt-4o with a weather tool (recorded traffic, no network).");
    out.println("you: " + QUESTION);
    out.flush();
    AgentResult result = agent.stream(QUESTION, new StepPrinter(out));

    Usage total = result.totalUsage();
    long identical = replay.checks().stream().filter(RequestCheck::matched).count();
    out.printf(
        "Done in %d steps: %d input + %d output = %d tokens; %d of %d requests identical to the"
            + " recording.%n",
        result.steps().size(),
        total.inputTokens(),
        total.outputTokens(),
        total.totalTokens(),
        identical,
        replay.checks().size());
    out.flush();
    return identical == replay.checks().size() ? 0 : 1;
  }

  /** Prints agent events as indented lines, streaming arguments and text as they arrive. */
  static final class StepPrinter implements AgentListener {
    private final PrintWriter out;

    StepPrinter(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void onStepStart(int stepIndex) {
      out.println("step " + (stepIndex + 1));
      out.flush();
    }

    @Override
    public void onReasoningStart(String id) {
      out.print("  thinking: ");
    }

    @Override
    public void onReasoningDelta(String id, String delta) {
      out.print(delta);
      out.flush();
    }

    @Override
    public void onReasoningEnd(String id) {
      out.println();
    }

    @Override
    public void onToolInputStart(String id, String toolName) {
      out.print("  calls " + toolName + " ");
      out.flush();
    }

    @Override
    public void onToolInputDelta(String id, String delta) {
      out.print(delta);
      out.flush();
    }

    @Override
    public void onToolInputEnd(String id) {
      out.println();
      out.flush();
    }

    @Override
    public void onToolCall(ToolCallPart call) {
      if (call.providerExecuted()) out.println("  " + call.toolName() + " ran at the provider");
    }

    @Override
    public void onToolResult(ToolResultPart result) {
      out.println("  " + result.toolName() + " → " + describe(result.output()));
      out.flush();
    }

    @Override
    public void onTextStart(String id) {
      out.print("  assistant: ");
    }

    @Override
    public void onTextDelta(String id, String delta) {
      out.print(delta);
      out.flush();
    }

    @Override
    public void onTextEnd(String id) {
      out.println();
      out.flush();
    }

    @Override
    public void onStepFinish(Step step) {
      Usage usage = step.usage();
      out.printf(
          "  (finished: %s; %d input + %d output tokens%s)%n",
          step.finishReason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          usage.inputTokens(),
          usage.outputTokens(),
          step.invalidToolCalls().isEmpty()
              ? ""
              : "; "
                  + step.invalidToolCalls().size()
                  + " invalid tool call(s) answered with errors");
      out.flush();
    }
  }

  /** A tool output in one line, for people. */
  static String describe(ToolOutput output) {
    if (output instanceof ToolOutput.Text text) return text.text();
    if (output instanceof ToolOutput.Json json) return json.value().toString();
    if (output instanceof ToolOutput.Error error) return "error: " + error.message();
    var media = (ToolOutput.Media) output;
    return "[" + media.mediaType() + ", " + media.data().length + " bytes]";
  }
}
