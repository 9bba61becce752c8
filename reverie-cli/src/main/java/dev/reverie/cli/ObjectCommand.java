package dev.reverie.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.Call;
import dev.reverie.LanguageModel;
import dev.reverie.ObjectCall;
import dev.reverie.ObjectResult;
import dev.reverie.ObjectSchema;
import dev.reverie.ObjectStream;
import dev.reverie.Prompt;
import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reverie object}: streams an object matching a JSON schema file from a real model. */
@Command(
    name = "object",
    description =
        "Stream a JSON object matching a schema from a model (needs the provider's API key).",
    mixinStandardHelpOptions = true)
final class ObjectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      description =
          "provider:model, e.g. openai:o4-mini or openrouter:anthropic/claude-sonnet-4 (see `reverie providers`)")
  String model;

  @Option(names = "--schema", required = true, description = "A JSON schema file.")
  Path schemaFile;

  @Option(
      names = "--name",
      description = "The schema's name shown to the model (default: file name).")
  String name;

  @Option(names = "--max-tokens", description = "Output-token limit (default: 4000).")
  int maxTokens = 4000;

  @Option(names = "--plain", description = "One line per change even on a terminal.")
  boolean plain;

  @Option(
      names = "--base-url",
      description = "The provider's base URL instead of its default (a proxy, a local server).")
  String baseUrl;

  @Option(names = "--debug", description = "Show stack traces on errors.")
  boolean debug;

  @Parameters(arity = "1..*", description = "The prompt.")
  List<String> prompt;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    JsonNode schemaNode;
    try {
      schemaNode = new ObjectMapper().readTree(Files.readString(schemaFile));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(
          "cannot read the schema file " + schemaFile + ": no such file", e);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "cannot read the schema file " + schemaFile + ": " + ErrorReporting.oneLine(e), e);
    }
    if (!(schemaNode instanceof ObjectNode schemaObject)) {
      throw new IllegalArgumentException(schemaFile + " is not a JSON object schema");
    }
    String schemaName = name != null ? name : baseName(schemaFile);
    LanguageModel languageModel = ModelSpec.of(model, baseUrl).open();
    var request =
        ObjectCall.of(
            Call.builder(Prompt.user(String.join(" ", prompt))).maxOutputTokens(maxTokens).build(),
            ObjectSchema.json((JsonObject) JsonValue.fromJsonNode(schemaObject)).named(schemaName));
    var live = plain ? java.util.Optional.<TerminalRenderer>empty() : TerminalRenderer.open();
    ObjectResult<JsonValue> result;
    try (ObjectStream<JsonValue> stream = languageModel.streamObject(request);
        PartialRenderer renderer = live.isPresent() ? live.get() : new LineRenderer(out)) {
      for (JsonValue partial : stream.partials()) {
        String json = partial.toJson();
        renderer.show(List.of(json), json);
      }
      result = stream.result();
    }
    out.println(result.tree().toJson());
    var u = result.usage();
    out.printf(
        "Usage: %d input, %d output, %d total tokens; finish reason %s%n",
        u.inputTokens(), u.outputTokens(), u.totalTokens(), result.finishReason());
    out.flush();
    return 0;
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String base = dot > 0 ? n.substring(0, dot) : n;
    return base.isEmpty() ? "response" : Character.toUpperCase(base.charAt(0)) + base.substring(1);
  }
}
