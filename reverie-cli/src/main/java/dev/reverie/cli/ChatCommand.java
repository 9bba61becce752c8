package dev.reverie.cli;

import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentResult;
import dev.reverie.agent.AgentStream;
import dev.reverie.error.CancelledException;
import dev.reverie.error.ReverieException;
import dev.reverie.message.Message;
import dev.reverie.schema.Description;
import dev.reverie.stream.ReasoningDelta;
import dev.reverie.stream.ReasoningStart;
import dev.reverie.stream.StreamPart;
import dev.reverie.stream.TextDelta;
import dev.reverie.stream.TextStart;
import dev.reverie.stream.ToolCall;
import dev.reverie.stream.ToolResult;
import dev.reverie.tool.Tool;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reverie chat}: an interactive chat with a model that may call two demo tools ({@code
 * weather}, with made-up data, and {@code time}), streaming the answer to the terminal as it is
 * written. Ctrl-C stops the answer in progress (the HTTP exchange is aborted); Ctrl-D or {@code
 * /exit} ends the chat; {@code /reset} forgets the conversation.
 */
@Command(
    name = "chat",
    description =
        "Chat with a model that can call two demo tools (weather, time), streamed to the terminal.",
    mixinStandardHelpOptions = true)
final class ChatCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      defaultValue = "openai:gpt-4o-mini",
      description =
          "The model as provider:model (default: ${DEFAULT-VALUE}); any provider `reverie providers` lists, its key from its environment variable, e.g. OPENAI_API_KEY.")
  String model;

  @Option(
      names = "--system",
      defaultValue = "You are a helpful assistant. Use the tools when they help; be brief.",
      description = "The system prompt.")
  String system;

  @Option(names = "--no-tools", description = "Offer the model no tools.")
  boolean noTools;

  @Option(
      names = "--max-steps",
      defaultValue = "10",
      description = "The most model calls per answer (default: ${DEFAULT-VALUE}).")
  int maxSteps;

  @Option(
      names = "--base-url",
      description = "The provider's base URL instead of its default (a proxy, a local server).")
  String baseUrl;

  @Option(names = "--debug", description = "Show stack traces on errors.")
  boolean debug;

  /** The weather tool's input. */
  record WeatherQuery(@Description("the city, e.g. Florence, Italy") String location) {}

  /** What the weather tool answers. */
  record WeatherReport(String location, int temperatureCelsius, String conditions, String note) {}

  /** The time tool's input. */
  record TimeQuery(
      @Description(
              "an IANA time zone such as Europe/Rome or America/New_York; empty for the local zone")
          String timeZone) {}

  private static final List<String> CONDITIONS =
      List.of("sunny", "partly cloudy", "overcast", "light rain", "windy", "foggy");

  /** Made-up but stable weather, so the demo needs no weather service. */
  static Tool weatherTool() {
    return Tool.typed(
        "weather",
        "Get the current weather for a location (demo data)",
        WeatherQuery.class,
        query -> {
          int seed = Math.abs(query.location().trim().toLowerCase(Locale.ROOT).hashCode());
          return new WeatherReport(
              query.location(),
              4 + seed % 31,
              CONDITIONS.get(seed % CONDITIONS.size()),
              "demo data, not a real forecast");
        });
  }

  /** The current date and time in a zone. */
  static Tool timeTool() {
    return Tool.typed(
        "time",
        "Get the current date and time in a time zone",
        TimeQuery.class,
        query -> {
          String name = query.timeZone() == null ? "" : query.timeZone().trim();
          ZoneId zone;
          try {
            zone = name.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(name);
          } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + name + "'", e);
          }
          return ZonedDateTime.now(zone).format(DateTimeFormatter.RFC_1123_DATE_TIME)
              + " ("
              + zone.getId()
              + ")";
        });
  }

  @Override
  public Integer call() throws IOException {
    LanguageModel languageModel = ModelSpec.of(model, baseUrl).open();
    var builder = Agent.builder(languageModel).system(system).maxSteps(maxSteps);
    if (!noTools) builder.tools(weatherTool(), timeTool());
    Agent agent = builder.build();

    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      PrintWriter out = terminal.writer();
      out.println(
          "Chatting with "
              + model
              + (noTools ? "" : " (tools: weather, time)")
              + ". Ctrl-C stops an answer, Ctrl-D or /exit quits, /reset starts over.");
      out.flush();
      var history = new ArrayList<Message>();
      while (true) {
        String line;
        try {
          line = reader.readLine("you> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        String input = line.strip();
        if (input.isEmpty()) continue;
        if (input.equals("/exit") || input.equals("/quit")) break;
        if (input.equals("/reset")) {
          history.clear();
          out.println(faint(terminal, "(conversation cleared)"));
          out.flush();
          continue;
        }
        history.add(Message.user(input));
        try {
          history.addAll(answer(agent, history, terminal).messages());
        } catch (CancelledException e) {
          history.remove(history.size() - 1);
          out.println();
          out.println(faint(terminal, "(stopped)"));
        } catch (ReverieException e) {
          history.remove(history.size() - 1);
          out.println();
          out.println("error: " + ErrorReporting.oneLine(e));
          if (debug) e.printStackTrace(out);
        }
        out.flush();
      }
    }
    return 0;
  }

  /** Streams one answer to the terminal; Ctrl-C closes the stream, which aborts the exchange. */
  private static AgentResult answer(Agent agent, List<Message> history, Terminal terminal) {
    PrintWriter out = terminal.writer();
    var current = new AtomicReference<AgentStream>();
    Terminal.SignalHandler previous =
        terminal.handle(
            Terminal.Signal.INT,
            signal -> {
              AgentStream stream = current.get();
              if (stream != null) stream.close();
            });
    try (AgentStream stream = agent.stream(Prompt.of(history))) {
      current.set(stream);
      boolean speaking = false;
      for (StreamPart part : stream) {
        if (part instanceof TextStart && !speaking) {
          out.print("assistant> ");
          speaking = true;
        } else if (part instanceof TextDelta delta) {
          out.print(delta.delta());
        } else if (part instanceof ReasoningStart) {
          out.print(faint(terminal, "(thinking) "));
        } else if (part instanceof ReasoningDelta delta) {
          out.print(faint(terminal, delta.delta()));
        } else if (part instanceof ToolCall call) {
          if (speaking) out.println();
          speaking = false;
          out.println(faint(terminal, "  ⚙ " + call.call().toolName() + " " + call.call().input()));
        } else if (part instanceof ToolResult result) {
          out.println(
              faint(
                  terminal,
                  "  ↳ "
                      + result.result().toolName()
                      + ": "
                      + AgentDemoCommand.describe(result.result().output())));
        }
        out.flush();
      }
      AgentResult result = stream.result();
      out.println();
      return result;
    } finally {
      current.set(null);
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  private static String faint(Terminal terminal, String text) {
    return new AttributedString(text, AttributedStyle.DEFAULT.faint()).toAnsi(terminal);
  }
}
