package dev.reverie.cassette.conformance;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings that a whole suite of recordings was made with, told by the suite's folder name
 * (REFERENCE.md §3.3), in provider-neutral terms; each provider factory turns them into its own
 * options, the ones a user would pass.
 *
 * @param suite the suite folder, e.g. {@code TestAnthropicThinking}, or empty
 * @param pair the model folder under the suite (e.g. {@code claude-sonnet-4}), or for flat suites
 *     the file's base name; empty when unknown
 * @param thinkingBudgetTokens a thinking token budget, or 0 for none
 * @param reasoningEffort a reasoning effort ({@code high}, {@code medium}), or empty for none
 * @param reasoningSummary whether reasoning summaries and encrypted reasoning are requested (OpenAI
 *     Responses)
 * @param reasoningEnabled whether reasoning is switched on without an effort (Vercel gateway)
 * @param anthropicCaching whether each step marks the prompt for Anthropic caching
 * @param thinkingCheck what a thinking scenario asserts about the reasoning
 */
public record SuiteSettings(
    String suite,
    String pair,
    int thinkingBudgetTokens,
    String reasoningEffort,
    boolean reasoningSummary,
    boolean reasoningEnabled,
    boolean anthropicCaching,
    ThinkingCheck thinkingCheck) {

  private static final String SUITE_PREFIX = "Test";

  public SuiteSettings {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(reasoningEffort, "reasoningEffort");
    Objects.requireNonNull(thinkingCheck, "thinkingCheck");
    if (thinkingBudgetTokens < 0) {
      throw new IllegalArgumentException("thinking budget must not be negative");
    }
  }

  /** No suite-level settings. */
  public static SuiteSettings none() {
    return new SuiteSettings("", "", 0, "", false, false, false, ThinkingCheck.REASONING_PARTS);
  }

  /** The settings of the suite a cassette belongs to, from its folder names. */
  public static SuiteSettings of(Path cassette) {
    String suite = suiteOf(cassette).orElse("");
    return of(suite, pairOf(cassette));
  }

  /** The settings of a suite and pair by name. */
  public static SuiteSettings of(String suite, String pair) {
    int budget = 0;
    String effort = "";
    boolean summary = false;
    boolean enabled = false;
    boolean caching = suite.endsWith("WithCacheControl") || suite.endsWith("WithAnthropicCache");
    ThinkingCheck check = ThinkingCheck.REASONING_PARTS;

    if (suite.startsWith("TestAnthropicThinking")) {
      budget = 4000;
      check = ThinkingCheck.ANTHROPIC_SIGNATURES;
    } else if (suite.endsWith("WithSummaryThinking")) {
      effort = "high";
      summary = true;
      check = ThinkingCheck.ENCRYPTED_REASONING;
    } else if (suite.equals("TestAzureThinking")) {
      effort = "high";
      check = ThinkingCheck.REASONING_TOKENS;
    } else if (suite.equals("TestGoogleThinking")) {
      // Gemini 3 takes a thinking level; Gemini 2.x a budget (100, which the API rounds to 128).
      if (pair.contains("gemini-3")) effort = "high";
      else budget = 100;
    } else if (suite.equals("TestOpenAICompatibleThinking")) {
      if (!pair.startsWith("avian-")) effort = "high";
    } else if (suite.equals("TestOpenRouterThinking")) {
      effort = "medium";
      check = ThinkingCheck.ANTHROPIC_SIGNATURES;
    } else if (suite.equals("TestVercelThinking")) {
      enabled = true;
      if (pair.endsWith("-sig")) check = ThinkingCheck.ANTHROPIC_SIGNATURES;
    }
    return new SuiteSettings(suite, pair, budget, effort, summary, enabled, caching, check);
  }

  /** The nearest folder above the cassette whose name starts with {@code Test}. */
  static Optional<String> suiteOf(Path cassette) {
    for (Path dir = cassette.getParent(); dir != null; dir = dir.getParent()) {
      Path name = dir.getFileName();
      if (name != null && name.toString().startsWith(SUITE_PREFIX)) {
        return Optional.of(name.toString());
      }
    }
    return Optional.empty();
  }

  /** The folder just under the suite, or the file's base name when it sits in the suite itself. */
  static String pairOf(Path cassette) {
    Path parent = cassette.getParent();
    Path parentName = parent == null ? null : parent.getFileName();
    if (parentName != null && !parentName.toString().startsWith(SUITE_PREFIX)) {
      return parentName.toString();
    }
    String file = cassette.getFileName().toString();
    if (file.endsWith(".yaml")) file = file.substring(0, file.length() - ".yaml".length());
    return file.endsWith("-stream") ? file.substring(0, file.length() - "-stream".length()) : file;
  }
}
