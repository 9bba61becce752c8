package dev.reverie.cassette.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.cassette.Cassette;
import dev.reverie.cassette.RecordedRequest;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProviderDetectorTest {

  @Test
  void everyRecordedCassetteHasTheProviderItsSuiteWasRecordedWith() {
    for (Path cassette : ConformanceCassettes.all()) {
      RecordedRequest first = Cassette.load(cassette).interactions().get(0).request();

      ProviderEndpoint endpoint = ProviderDetector.detect(URI.create(first.url()), first.body());

      assertThat(endpoint.kind()).as(cassette.toString()).isEqualTo(expectedKind(cassette));
      assertThat(endpoint.modelId()).as(cassette.toString()).isNotBlank();
    }
  }

  @Test
  void openAiChatKeepsTheVersionedBaseUrl() {
    ProviderEndpoint endpoint =
        detect("https://api.openai.com/v1/chat/completions", "{\"model\":\"o4-mini\"}");
    assertThat(endpoint.kind()).isEqualTo(ProviderKind.OPENAI_CHAT);
    assertThat(endpoint.baseUrl()).isEqualTo("https://api.openai.com/v1");
    assertThat(endpoint.modelId()).isEqualTo("o4-mini");
  }

  @Test
  void responsesAndAzureAreToldByPathAndHost() {
    assertThat(detect("https://api.openai.com/v1/responses", "{\"model\":\"gpt-5\"}").kind())
        .isEqualTo(ProviderKind.OPENAI_RESPONSES);
    ProviderEndpoint azure =
        detect(
            "https://fantasy-playground-resource.openai.azure.com/openai/v1/chat/completions",
            "{\"model\":\"gpt-5-mini\"}");
    assertThat(azure.kind()).isEqualTo(ProviderKind.AZURE_CHAT);
    assertThat(azure.baseUrl())
        .isEqualTo("https://fantasy-playground-resource.openai.azure.com/openai/v1");
    assertThat(
            detect(
                    "https://fantasy-playground-resource.openai.azure.com/openai/v1/responses",
                    "{\"model\":\"gpt-5-mini\"}")
                .kind())
        .isEqualTo(ProviderKind.AZURE_RESPONSES);
  }

  @Test
  void anthropicBaseUrlIsTheOriginEvenForBetaRequests() {
    ProviderEndpoint endpoint =
        detect(
            "https://api.anthropic.com/v1/messages?beta=true",
            "{\"model\":\"claude-opus-4-6\",\"max_tokens\":4096}");
    assertThat(endpoint.kind()).isEqualTo(ProviderKind.ANTHROPIC);
    assertThat(endpoint.baseUrl()).isEqualTo("https://api.anthropic.com");
    assertThat(endpoint.modelId()).isEqualTo("claude-opus-4-6");
  }

  @Test
  void modelsWithoutABodyFieldComeFromThePath() {
    assertThat(
            detect(
                    "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
                    "{\"contents\":[]}")
                .modelId())
        .isEqualTo("gemini-2.5-flash");
    ProviderEndpoint bedrock =
        detect(
            "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke",
            "{\"anthropic_version\":\"bedrock-2023-05-31\"}");
    assertThat(bedrock.kind()).isEqualTo(ProviderKind.BEDROCK);
    assertThat(bedrock.modelId()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    ProviderEndpoint vertexClaude =
        detect(
            "https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-3-7-sonnet@20250219:rawPredict",
            "{}");
    assertThat(vertexClaude.kind()).isEqualTo(ProviderKind.VERTEX_ANTHROPIC);
    assertThat(vertexClaude.modelId()).isEqualTo("claude-3-7-sonnet@20250219");
  }

  @Test
  void anyOtherChatCompletionsHostIsOpenAiCompatibleWithItsBaseUrl() {
    ProviderEndpoint groq =
        detect(
            "https://api.groq.com/openai/v1/chat/completions",
            "{\"model\":\"moonshotai/kimi-k2-instruct-0905\"}");
    assertThat(groq.kind()).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
    assertThat(groq.baseUrl()).isEqualTo("https://api.groq.com/openai/v1");
    assertThat(
            detect(
                    "http://localhost:8080/v1/chat/completions",
                    "{\"model\":\"openai/gpt-oss-20b\"}")
                .baseUrl())
        .isEqualTo("http://localhost:8080/v1");
    assertThat(
            detect("https://openrouter.ai/api/v1/chat/completions", "{\"model\":\"x-ai/grok\"}")
                .kind())
        .isEqualTo(ProviderKind.OPENROUTER);
    assertThat(
            detect(
                    "https://ai-gateway.vercel.sh/v1/chat/completions",
                    "{\"model\":\"openai/gpt-5\"}")
                .kind())
        .isEqualTo(ProviderKind.VERCEL);
  }

  @Test
  void unknownEndpointsAndMissingModelsAreReportedWithoutTheQuery() {
    assertThatThrownBy(() -> detect("https://example.com/v1/embeddings?key=secret", "{}"))
        .isInstanceOf(UnknownProviderException.class)
        .hasMessageContaining("https://example.com/v1/embeddings")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> detect("https://api.openai.com/v1/chat/completions", "not json"))
        .isInstanceOf(UnknownProviderException.class)
        .hasMessageContaining("no model");
  }

  private static ProviderEndpoint detect(String url, String body) {
    return ProviderDetector.detect(URI.create(url), body);
  }

  /** The provider of a suite as SCENARIOS.md and REFERENCE.md §3.5 list it, from folder names. */
  private static ProviderKind expectedKind(Path cassette) {
    String suite = SuiteSettings.suiteOf(cassette).orElseThrow();
    String pair = SuiteSettings.pairOf(cassette);
    if (suite.startsWith("TestImageUploadAgent")) {
      if (pair.startsWith("anthropic-")) return ProviderKind.ANTHROPIC;
      if (pair.startsWith("openai-")) return ProviderKind.OPENAI_CHAT;
      return ProviderKind.GEMINI;
    }
    if (suite.startsWith("TestOpenAIResponses") || suite.equals("TestOpenAIWebSearch")) {
      return ProviderKind.OPENAI_RESPONSES;
    }
    if (suite.startsWith("TestOpenAICompat")) return ProviderKind.OPENAI_COMPATIBLE;
    if (suite.startsWith("TestOpenAI")) return ProviderKind.OPENAI_CHAT;
    if (suite.startsWith("TestAnthropic")) return ProviderKind.ANTHROPIC;
    if (suite.startsWith("TestAzureResponses")) return ProviderKind.AZURE_RESPONSES;
    if (suite.startsWith("TestAzure")) return ProviderKind.AZURE_CHAT;
    if (suite.startsWith("TestBedrock")) return ProviderKind.BEDROCK;
    if (suite.startsWith("TestGoogle")) {
      if (pair.startsWith("vertex-claude")) return ProviderKind.VERTEX_ANTHROPIC;
      if (pair.startsWith("vertex-")) return ProviderKind.VERTEX_GEMINI;
      return ProviderKind.GEMINI;
    }
    if (suite.startsWith("TestOpenRouter")) return ProviderKind.OPENROUTER;
    if (suite.startsWith("TestVercel")) return ProviderKind.VERCEL;
    throw new AssertionError("no expected provider for suite " + suite);
  }
}
