package dev.reverie.cli;

import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.Providers;
import dev.reverie.cassette.Cassette;
import dev.reverie.cassette.ReplayTransport;
import dev.reverie.cli.demo.Book;
import dev.reverie.spi.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reverie demo}: replays the bundled seed recording (o4-mini streaming a {@code Book})
 * through the real OpenAI provider and shows the object filling in, offline.
 */
@Command(
    name = "demo",
    subcommands = AgentDemoCommand.class,
    description =
        "Stream a Book object from a bundled recording, offline, through the real OpenAI provider.",
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  static final String SEED = "/demo/complex_object_streaming.yaml";
  static final String PROMPT =
      "Generate information about 'The Lord of the Rings' book by J.R.R. Tolkien, including genres"
          + " like fantasy and adventure, and its publication year (1954).";

  @Spec CommandSpec spec;

  @Option(
      names = "--delay-ms",
      description =
          "Pause per body read, to watch the stream (default: 15 on a terminal, 0 otherwise).")
  Integer delayMillis;

  @Option(names = "--plain", description = "One line per change even on a terminal.")
  boolean plain;

  @Option(names = "--debug", description = "Show stack traces on errors.")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ReplayTransport replay;
    try (InputStream in = DemoCommand.class.getResourceAsStream(SEED)) {
      if (in == null)
        throw new IllegalStateException("the bundled recording " + SEED + " is missing");
      replay = new ReplayTransport(Cassette.load(in, "bundled " + SEED), 128);
    }
    var live = plain ? java.util.Optional.<TerminalRenderer>empty() : TerminalRenderer.open();
    int delay = delayMillis != null ? delayMillis : (live.isPresent() ? 15 : 0);
    LanguageModel model =
        Providers.languageModel(
            "openai:o4-mini",
            ProviderSettings.builder()
                .apiKey("replay-needs-no-key")
                .transport(new PacedTransport(replay, Duration.ofMillis(delay)))
                .build());
    var request =
        ObjectCall.of(
            Call.builder(Prompt.user(PROMPT)).maxOutputTokens(4000).build(),
            ObjectSchema.of(Book.class));

    out.println("Replaying o4-mini streaming a Book (recorded traffic, no network):");
    out.flush();
    ObjectResult<Book> result;
    int changes = 0;
    try (ObjectStream<Book> stream = model.streamObject(request);
        PartialRenderer renderer = live.isPresent() ? live.get() : new LineRenderer(out)) {
      for (Book partial : stream.partials()) {
        changes++;
        renderer.show(BookView.lines(partial), partial.toString());
      }
      result = stream.result();
    }
    out.println();
    out.println(
        "Final object (validated against the schema"
            + (result.repaired() ? ", after repair" : "")
            + "):");
    BookView.lines(result.object()).forEach(out::println);
    out.println("  as JSON:         " + result.tree().toJson());
    var u = result.usage();
    out.printf(
        "Usage: %d input, %d output (%d reasoning), %d total tokens; finish reason %s; %d partial updates%n",
        u.inputTokens(),
        u.outputTokens(),
        u.reasoningTokens(),
        u.totalTokens(),
        result.finishReason().name().toLowerCase(java.util.Locale.ROOT),
        changes);
    out.flush();
    return 0;
  }
}
