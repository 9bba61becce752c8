package dev.reverie.cassette.conformance;

import static dev.reverie.cassette.conformance.Expect.expect;
import static dev.reverie.cassette.conformance.Expect.expectContainsAll;
import static dev.reverie.cassette.conformance.Expect.expectContainsAny;
import static dev.reverie.cassette.conformance.Expect.expectNotBlank;

import dev.reverie.Prompt;
import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentListener;
import dev.reverie.agent.AgentResult;
import dev.reverie.agent.Step;
import dev.reverie.codec.anthropic.AnthropicCaching;
import dev.reverie.message.FilePart;
import dev.reverie.message.Message;
import dev.reverie.message.ReasoningPart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios that run through an agent (REFERENCE.md §3.2): simple, tool, multi tool, thinking
 * and image upload, each generated or streamed.
 */
final class AgentScenarios {
  static final String SYSTEM = "You are a helpful assistant";
  private static final int MAX_OUTPUT_TOKENS = 4000;
  private static final String IMAGE_FILE = "wish.png";

  private AgentScenarios() {}

  /** {@code simple}: a greeting in Portuguese. */
  static void simple(ScenarioContext context, boolean streaming) {
    AgentResult result =
        run(
            context,
            streaming,
            agent(context).system(SYSTEM).maxOutputTokens(MAX_OUTPUT_TOKENS),
            Prompt.user("Say hi in Portuguese"));
    expectContainsAny("the answer", result.text(), "Oi", "oi", "Olá", "olá");
  }

  /** {@code tool}: one weather call, then an answer with its result. */
  static void tool(ScenarioContext context, boolean streaming) {
    AgentResult result =
        run(
            context,
            streaming,
            agent(context)
                .system(SYSTEM)
                .maxOutputTokens(MAX_OUTPUT_TOKENS)
                .tools(ScenarioTools.weather()),
            Prompt.user("What's the weather in Florence,Italy?"));
    expect(result.steps().size() >= 2, "expected at least 2 steps, got " + result.steps().size());
    Step first = result.steps().get(0);
    expect(
        first.toolCalls().size() == 1,
        "expected 1 tool call in step 0, got " + first.toolCalls().size());
    expect(
        first.toolCalls().get(0).toolName().equals("weather"),
        "expected a call of weather, got " + first.toolCalls().get(0).toolName());
    expectValidCalls(first);
    expectContainsAll("the answer", result.text(), "Florence", "40");
  }

  /** {@code multi_tool}: add and multiply called together, then an answer with both results. */
  static void multiTool(ScenarioContext context, boolean streaming) {
    // The recordings used different system prompts for the two modes.
    String system =
        streaming
            ? "You are a helpful assistant. Always use both add and multiply at the same time."
            : "You are a helpful assistant. CRITICAL: Always use both add and multiply at the same"
                + " time ALWAYS.";
    AgentResult result =
        run(
            context,
            streaming,
            agent(context)
                .system(system)
                .maxOutputTokens(MAX_OUTPUT_TOKENS)
                .tools(ScenarioTools.add())
                .tools(ScenarioTools.multiply()),
            Prompt.user("Add and multiply the number 2 and 3"));
    expect(result.steps().size() == 2, "expected exactly 2 steps, got " + result.steps().size());
    Step first = result.steps().get(0);
    expect(
        first.toolCalls().size() == 2,
        "expected 2 tool calls in step 0, got " + first.toolCalls().size());
    expectValidCalls(first);
    expectContainsAll("the answer", result.text(), "5", "6");
  }

  /** {@code thinking}: the weather question with reasoning on, checked as the suite requires. */
  static void thinking(ScenarioContext context, boolean streaming) {
    AgentResult result =
        run(
            context,
            streaming,
            agent(context).system(SYSTEM).tools(ScenarioTools.weather()),
            Prompt.user("What's the weather in Florence, Italy?"));
    expectContainsAll("the answer", result.text(), "Florence", "40");
    ThinkingChecks.check(context.settings().thinkingCheck(), result);
  }

  /** Image upload: a PNG attached to the user message; any description passes. */
  static void imageUpload(ScenarioContext context, boolean streaming) throws IOException {
    byte[] image = Files.readAllBytes(findImage(context.cassette()));
    Message user =
        Message.user(
            "Describe the image briefly in English.", FilePart.of(IMAGE_FILE, "image/png", image));
    AgentResult result =
        run(
            context,
            streaming,
            agent(context).system(SYSTEM).maxOutputTokens(MAX_OUTPUT_TOKENS),
            Prompt.of(user));
    expectNotBlank("the description", result.text());
  }

  /**
   * An agent on the context's model with the suite's options and, if asked, prompt caching: cache
   * markers on the system prompt and the last two messages of every step.
   */
  static Agent.Builder agent(ScenarioContext context) {
    Agent.Builder builder = Agent.builder(context.model()).providerOptions(context.suiteOptions());
    if (context.settings().anthropicCaching()) {
      builder.prepareStep(
          plan -> plan.withPrompt(AnthropicCaching.markLastMessages(plan.prompt())));
    }
    return builder;
  }

  /** Runs the agent to its end, generating or streaming. */
  static AgentResult run(
      ScenarioContext context, boolean streaming, Agent.Builder builder, Prompt input) {
    Agent agent = builder.build();
    return streaming ? agent.stream(input, new AgentListener() {}) : agent.generate(input);
  }

  private static void expectValidCalls(Step step) {
    if (!step.invalidToolCalls().isEmpty()) {
      throw new ScenarioFailure(
          "expected valid tool calls, got: " + step.invalidToolCalls().get(0).problem());
    }
  }

  /** The reasoning parts of every message the run added. */
  static List<ReasoningPart> reasoningParts(AgentResult result) {
    return result.messages().stream()
        .flatMap(m -> m.parts().stream())
        .filter(ReasoningPart.class::isInstance)
        .map(ReasoningPart.class::cast)
        .toList();
  }

  // The recordings sent testdata/wish.png; the cassettes carry it at their root.
  private static Path findImage(Path cassette) {
    for (Path dir = cassette.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(IMAGE_FILE);
      if (Files.isRegularFile(candidate)) return candidate;
    }
    throw new ScenarioFailure(IMAGE_FILE + " not found in the cassette's folder or above");
  }
}
