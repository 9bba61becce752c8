package dev.reverie.cassette.conformance;

import static dev.reverie.cassette.conformance.Expect.expect;

import dev.reverie.ProviderData;
import dev.reverie.agent.AgentResult;
import dev.reverie.message.ReasoningPart;
import java.util.List;

/** The suite-specific assertions of the thinking scenarios (REFERENCE.md §3.2). */
final class ThinkingChecks {
  private ThinkingChecks() {}

  static void check(ThinkingCheck check, AgentResult result) {
    List<ReasoningPart> reasoning = AgentScenarios.reasoningParts(result);
    switch (check) {
      case REASONING_PARTS -> expect(!reasoning.isEmpty(), "expected a reasoning part");
      case ANTHROPIC_SIGNATURES -> {
        expect(!reasoning.isEmpty(), "expected a signed reasoning part");
        for (ReasoningPart part : reasoning) {
          expect(
              !part.text().isEmpty() && hasText(part.providerData(), "anthropic", "signature"),
              "expected a signed reasoning part, got one without an anthropic signature");
        }
      }
      case ENCRYPTED_REASONING -> {
        expect(!reasoning.isEmpty(), "expected a reasoning part with encrypted content");
        for (ReasoningPart part : reasoning) {
          expect(
              hasText(part.providerData(), "openai", "encrypted_content"),
              "expected encrypted content on every reasoning part");
        }
      }
      case REASONING_TOKENS ->
          expect(
              result.finalStep().usage().reasoningTokens() > 0,
              "expected reasoning tokens in the final step's usage");
    }
  }

  private static boolean hasText(ProviderData data, String providerId, String field) {
    return data.get(providerId)
        .map(node -> node.toJsonNode().path(field).asText(""))
        .filter(text -> !text.isEmpty())
        .isPresent();
  }
}
