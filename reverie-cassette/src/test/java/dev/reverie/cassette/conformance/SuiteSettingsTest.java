package dev.reverie.cassette.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteSettingsTest {

  @Test
  void suiteAndPairComeFromTheFolders() {
    SuiteSettings settings =
        SuiteSettings.of(Path.of("cassettes/TestAnthropicCommon/claude-sonnet-4/simple.yaml"));
    assertThat(settings.suite()).isEqualTo("TestAnthropicCommon");
    assertThat(settings.pair()).isEqualTo("claude-sonnet-4");
    assertThat(settings.thinkingBudgetTokens()).isZero();
    assertThat(settings.reasoningEffort()).isEmpty();
    assertThat(settings.anthropicCaching()).isFalse();
  }

  @Test
  void flatSuitesTakeThePairFromTheFileName() {
    assertThat(
            SuiteSettings.of(Path.of("TestImageUploadAgentStreaming/gemini-2.5-pro-stream.yaml"))
                .pair())
        .isEqualTo("gemini-2.5-pro");
    assertThat(SuiteSettings.of(Path.of("TestAnthropicWebSearch/generate.yaml")).suite())
        .isEqualTo("TestAnthropicWebSearch");
  }

  @Test
  void anthropicThinkingHasABudgetOf4000AndSignedReasoning() {
    SuiteSettings settings = SuiteSettings.of("TestAnthropicThinking", "claude-sonnet-4");
    assertThat(settings.thinkingBudgetTokens()).isEqualTo(4000);
    assertThat(settings.thinkingCheck()).isEqualTo(ThinkingCheck.ANTHROPIC_SIGNATURES);
    assertThat(settings.anthropicCaching()).isFalse();

    SuiteSettings cached =
        SuiteSettings.of("TestAnthropicThinkingWithCacheControl", "claude-sonnet-4");
    assertThat(cached.thinkingBudgetTokens()).isEqualTo(4000);
    assertThat(cached.anthropicCaching()).isTrue();
  }

  @Test
  void cacheSuitesAddCaching() {
    assertThat(
            SuiteSettings.of("TestAnthropicCommonWithCacheControl", "claude-sonnet-4")
                .anthropicCaching())
        .isTrue();
    assertThat(
            SuiteSettings.of("TestOpenRouterCommonWithAnthropicCache", "anthropic")
                .anthropicCaching())
        .isTrue();
    assertThat(
            SuiteSettings.of("TestVercelCommonWithAnthropicCache", "claude-sonnet-4")
                .anthropicCaching())
        .isTrue();
  }

  @Test
  void reasoningSuites() {
    SuiteSettings azure = SuiteSettings.of("TestAzureThinking", "azure-gpt-5-mini");
    assertThat(azure.reasoningEffort()).isEqualTo("high");
    assertThat(azure.thinkingCheck()).isEqualTo(ThinkingCheck.REASONING_TOKENS);

    SuiteSettings summary =
        SuiteSettings.of("TestOpenAIResponsesWithSummaryThinking", "openai-gpt-5");
    assertThat(summary.reasoningEffort()).isEqualTo("high");
    assertThat(summary.reasoningSummary()).isTrue();
    assertThat(summary.thinkingCheck()).isEqualTo(ThinkingCheck.ENCRYPTED_REASONING);

    assertThat(SuiteSettings.of("TestGoogleThinking", "gemini-2.5-flash").thinkingBudgetTokens())
        .isEqualTo(100);
    assertThat(SuiteSettings.of("TestGoogleThinking", "gemini-3-pro-preview").reasoningEffort())
        .isEqualTo("high");
    assertThat(
            SuiteSettings.of("TestOpenAICompatibleThinking", "xai-grok-3-mini").reasoningEffort())
        .isEqualTo("high");
    assertThat(SuiteSettings.of("TestOpenAICompatibleThinking", "avian-kimi").reasoningEffort())
        .isEmpty();
    assertThat(SuiteSettings.of("TestOpenRouterThinking", "anthropic").reasoningEffort())
        .isEqualTo("medium");
    assertThat(SuiteSettings.of("TestVercelThinking", "gpt-5").reasoningEnabled()).isTrue();
    assertThat(SuiteSettings.of("TestVercelThinking", "gpt-5").thinkingCheck())
        .isEqualTo(ThinkingCheck.REASONING_PARTS);
    assertThat(SuiteSettings.of("TestVercelThinking", "claude-sonnet-4-sig").thinkingCheck())
        .isEqualTo(ThinkingCheck.ANTHROPIC_SIGNATURES);
  }

  @Test
  void cassettesOutsideASuiteHaveNoSettings() {
    SuiteSettings settings = SuiteSettings.of(Path.of("recordings/simple.yaml"));
    assertThat(settings.suite()).isEmpty();
    assertThat(settings.thinkingBudgetTokens()).isZero();
    assertThat(settings.anthropicCaching()).isFalse();
  }
}
