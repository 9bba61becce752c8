package dev.reverie.cassette.conformance;

import static dev.reverie.cassette.conformance.Expect.expect;
import static dev.reverie.cassette.conformance.Expect.expectContainsAll;
import static dev.reverie.cassette.conformance.Expect.expectNotBlank;

import dev.reverie.Prompt;
import dev.reverie.agent.Agent;
import dev.reverie.agent.AgentResult;
import dev.reverie.message.Message;
import dev.reverie.message.SourcePart;
import dev.reverie.message.ToolCallPart;
import dev.reverie.message.ToolResultPart;
import dev.reverie.tool.ProviderToolSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The web-search scenarios (REFERENCE.md §3.2, other scenarios): an agent with the provider's
 * server-side search asks for Tokyo's population. Anthropic's streamed scenario goes on with a
 * second turn about Osaka that sends the search call and its results back; Anthropic's generated
 * scenario and both of OpenAI's have one turn. The turns come from this definition alone, so a
 * conversation that then differs from the recording fails like any other.
 */
final class WebSearchScenario {
  private static final int MAX_OUTPUT_TOKENS = 4000;
  private static final String QUESTION =
      "What is the current population of Tokyo? Cite your source.";
  private static final String FOLLOW_UP = "How does that compare to Osaka?";

  // The providers that speak Anthropic's Messages API, and so run Anthropic's scenario: their
  // search answers with citations (OpenAI's may not, so only its sources' URLs are checked), and
  // their streamed scenario has the follow-up turn.
  private static final Set<ProviderKind> ANTHROPIC_MESSAGES =
      EnumSet.of(ProviderKind.ANTHROPIC, ProviderKind.VERTEX_ANTHROPIC, ProviderKind.BEDROCK);

  private WebSearchScenario() {}

  static void run(ScenarioContext context, boolean streaming) {
    ProviderToolSpec search =
        context
            .factory()
            .webSearchTool()
            .orElseThrow(() -> new ScenarioFailure("the provider offers no web search tool"));
    Agent.Builder builder =
        AgentScenarios.agent(context).maxOutputTokens(MAX_OUTPUT_TOKENS).providerTools(search);
    Prompt input = Prompt.of(AgentScenarios.SYSTEM, QUESTION);
    AgentResult result = AgentScenarios.run(context, streaming, builder, input);

    expectNotBlank("the answer", result.text());
    expectContainsAll("the answer", result.text(), "Tokyo");
    List<ToolCallPart> searches =
        result.toolCalls().stream().filter(ToolCallPart::providerExecuted).toList();
    expect(!searches.isEmpty(), "expected a provider-executed tool call");
    expect(
        searches.get(0).toolName().equals("web_search"),
        "expected a web_search call, got " + searches.get(0).toolName());
    List<SourcePart> sources = result.steps().stream().flatMap(s -> s.sources().stream()).toList();
    for (SourcePart source : sources) {
      expect(!source.url().isEmpty(), "expected every source to have a URL");
    }

    boolean anthropic = ANTHROPIC_MESSAGES.contains(context.endpoint().kind());
    if (!streaming) {
      if (anthropic) {
        expect(!sources.isEmpty(), "expected a source");
      }
      return;
    }
    expect(
        result.toolResults().stream().anyMatch(ToolResultPart::providerExecuted),
        "expected a provider-executed tool result");
    if (!anthropic) return;
    Prompt followUp = input.plus(result.messages()).plus(Message.user(FOLLOW_UP));
    AgentResult comparison = AgentScenarios.run(context, true, builder, followUp);
    expectNotBlank("the comparison", comparison.text());
    expectContainsAll("the comparison", comparison.text(), "Osaka");
  }
}
