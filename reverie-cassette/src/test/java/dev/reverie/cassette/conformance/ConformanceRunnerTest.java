package dev.reverie.cassette.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reverie.cassette.conformance.ScenarioResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {

  @Test
  void openAiObjectGenerationPassesWithIdenticalRequests() {
    Path suite = ConformanceCassettes.cassette("TestOpenAIObjectGeneration");

    ConformanceReport report = ConformanceRunner.standard().run(List.of(suite));

    assertThat(report.results()).hasSize(8);
    assertThat(report.results())
        .allSatisfy(
            result -> {
              assertThat(result.line()).endsWith(" request=identical");
              assertThat(result.status()).as(result.line()).isEqualTo(Status.PASS);
            });
    assertThat(report.results().get(0).path())
        .isEqualTo("TestOpenAIObjectGeneration/openai-gpt-4o/complex_object.yaml");
    assertThat(report.requestsLine()).isEqualTo("requests identical: 8/8");
    assertThat(report.summaryLine()).isEqualTo("8 passed, 0 failed, 0 skipped");
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void providersWithoutAFactoryAreSkipped() {
    // Every recorded API has a provider now: a registry without them shows the skip.
    Path cassette =
        ConformanceCassettes.cassette("TestGoogleCommon/vertex-claude-3-7-sonnet/simple.yaml");

    ScenarioResult result =
        new ConformanceRunner(ProviderRegistry.empty())
            .runCassette(ConformanceCassettes.ROOT, cassette);

    assertThat(result.line())
        .isEqualTo(
            "SKIP TestGoogleCommon/vertex-claude-3-7-sonnet/simple.yaml provider not implemented");
    assertThat(result.requestsTotal()).isZero();
  }

  @Test
  void bedrockFromTheOptionalAwsModuleIsFoundAndReplaysItsEventStream() {
    Path cassette =
        ConformanceCassettes.cassette(
            "TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/tool_streaming.yaml");

    ScenarioResult result =
        ConformanceRunner.standard().runCassette(ConformanceCassettes.ROOT, cassette);

    assertThat(result.line())
        .isEqualTo(
            "PASS TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/tool_streaming.yaml"
                + " request=identical");
    assertThat(result.requestsTotal()).isEqualTo(2);
  }

  @Test
  void anEmptyRegistrySkipsEverything() {
    ConformanceReport report =
        new ConformanceRunner(ProviderRegistry.empty())
            .run(
                List.of(ConformanceCassettes.cassette("TestOpenAIObjectGeneration/openai-gpt-4o")));

    assertThat(report.summaryLine()).isEqualTo("0 passed, 0 failed, 4 skipped");
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void aBrokenCassetteFailsItselfOnly(@TempDir Path dir) throws IOException {
    Path suite = Files.createDirectories(dir.resolve("TestOpenAICommon/openai-gpt-4o"));
    Files.writeString(suite.resolve("simple.yaml"), "version: 1\ninteractions: []\n");
    Files.writeString(suite.resolve("notes.txt"), "not a cassette");
    Files.copy(
        ConformanceCassettes.cassette(
            "TestOpenAIObjectGeneration/openai-gpt-4o/simple_object.yaml"),
        suite.resolve("simple_object.yaml"));

    ConformanceReport report = ConformanceRunner.standard().run(List.of(dir));

    assertThat(report.results()).hasSize(2);
    ScenarioResult broken = report.results().get(0);
    assertThat(broken.path()).isEqualTo("TestOpenAICommon/openai-gpt-4o/simple.yaml");
    assertThat(broken.status()).isEqualTo(Status.FAIL);
    assertThat(broken.reason()).contains("version");
    assertThat(report.results().get(1).status()).isEqualTo(Status.PASS);
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void anUnknownFileNameFails(@TempDir Path dir) throws IOException {
    Path suite = Files.createDirectories(dir.resolve("TestOpenAICommon/openai-gpt-4o"));
    Files.copy(
        ConformanceCassettes.cassette(
            "TestOpenAIObjectGeneration/openai-gpt-4o/simple_object.yaml"),
        suite.resolve("haiku.yaml"));

    ScenarioResult result =
        ConformanceRunner.standard().runCassette(dir, suite.resolve("haiku.yaml"));

    assertThat(result.line())
        .isEqualTo(
            "FAIL TestOpenAICommon/openai-gpt-4o/haiku.yaml not a known scenario: haiku.yaml");
  }

  @Test
  void aConversationThatStopsEarlyFails(@TempDir Path dir) throws IOException {
    // A scenario of one request run on a recording of two: the second is never asked for.
    Path suite = Files.createDirectories(dir.resolve("TestOpenAIObjectGeneration/openai-gpt-4o"));
    String once =
        Files.readString(
            ConformanceCassettes.cassette(
                "TestOpenAIObjectGeneration/openai-gpt-4o/simple_object.yaml"));
    String interaction =
        once.substring(once.indexOf("interactions:\n") + "interactions:\n".length());
    Files.writeString(
        suite.resolve("simple_object.yaml"), once + interaction.replaceFirst("- id: 0", "- id: 1"));

    ScenarioResult result =
        ConformanceRunner.standard().runCassette(dir, suite.resolve("simple_object.yaml"));

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.reason()).contains("used 1 of 2 recorded requests");
    assertThat(result.requestsIdentical()).isEqualTo(1);
    assertThat(result.requestsTotal()).isEqualTo(2);
  }

  @Test
  void aDeliberatelyDifferentRequestStillGetsItsAnswerAndIsReported(@TempDir Path dir)
      throws IOException {
    Path suite = Files.createDirectories(dir.resolve("TestOpenAIObjectGeneration/openai-gpt-4o"));
    String recorded =
        Files.readString(
            ConformanceCassettes.cassette(
                "TestOpenAIObjectGeneration/openai-gpt-4o/simple_object.yaml"));
    // As if the recording had asked for 3000 tokens: Reverie's 4000 now differs.
    Files.writeString(
        suite.resolve("simple_object.yaml"),
        recorded.replace("\"max_tokens\":4000", "\"max_tokens\":3000"));

    ScenarioResult result =
        ConformanceRunner.standard().runCassette(dir, suite.resolve("simple_object.yaml"));

    assertThat(result.status()).as(result.line()).isEqualTo(Status.PASS);
    assertThat(result.requestsIdentical()).isZero();
    assertThat(result.line())
        .startsWith(
            "PASS TestOpenAIObjectGeneration/openai-gpt-4o/simple_object.yaml request=different"
                + " (request 1: /max_tokens: recorded 3000 but sent 4000");
  }

  @Test
  void theSuiteFolderDecidesTheSettingsSent(@TempDir Path dir) throws IOException {
    // The same plain recording filed under suites with settings: what Reverie sends now differs
    // exactly by those settings, and the recorded answer still passes the scenario.
    Path plain = ConformanceCassettes.cassette("TestAnthropicCommon/claude-sonnet-4/tool.yaml");
    Path cached =
        Files.createDirectories(dir.resolve("TestAnthropicCommonWithCacheControl/claude-sonnet-4"));
    Files.copy(plain, cached.resolve("tool.yaml"));
    Path thinking = Files.createDirectories(dir.resolve("TestAnthropicThinking/claude-sonnet-4"));
    Files.copy(plain, thinking.resolve("tool.yaml"));

    ConformanceReport report = ConformanceRunner.standard().run(List.of(dir));

    assertThat(report.results()).extracting(ScenarioResult::status).containsOnly(Status.PASS);
    assertThat(report.results().get(0).firstDifference())
        .startsWith("request 1: ")
        .contains("cache_control");
    assertThat(report.results().get(1).firstDifference())
        .startsWith("request 1: ")
        .contains("thinking");
  }

  @Test
  void pathsReadTheSameHoweverTheFolderIsGiven() {
    Path root = ConformanceCassettes.ROOT;
    Path cassette = root.resolve("TestOpenAICommon/openai-gpt-4o/simple.yaml");
    String expected = "TestOpenAICommon/openai-gpt-4o/simple.yaml";

    assertThat(ConformanceRunner.displayPath(root, cassette)).isEqualTo(expected);
    assertThat(ConformanceRunner.displayPath(root.resolve("TestOpenAICommon"), cassette))
        .isEqualTo(expected);
    assertThat(
            ConformanceRunner.displayPath(root.resolve("TestOpenAICommon/openai-gpt-4o"), cassette))
        .isEqualTo(expected);
    assertThat(ConformanceRunner.displayPath(cassette, cassette)).isEqualTo(expected);
    assertThat(ConformanceRunner.displayPath(Path.of("elsewhere"), Path.of("elsewhere/x/y.yaml")))
        .isEqualTo("x/y.yaml");
  }

  @Test
  void resultsAreHandedOverAsTheyComeAndMatchTheReport() {
    var seen = new ArrayList<ScenarioResult>();

    ConformanceReport report =
        new ConformanceRunner(ProviderRegistry.empty())
            .run(List.of(ConformanceCassettes.cassette("TestOpenAICommon")), seen::add);

    assertThat(seen).isEqualTo(report.results()).isNotEmpty();
  }

  @Test
  void aMissingFolderFailsBeforeAnythingRuns() {
    var seen = new ArrayList<ScenarioResult>();
    List<Path> roots =
        List.of(ConformanceCassettes.cassette("TestOpenAICommon"), Path.of("no-such-folder"));

    assertThatThrownBy(() -> new ConformanceRunner(ProviderRegistry.empty()).run(roots, seen::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-folder");
    assertThat(seen).isEmpty();
  }

  @Test
  void cassettesAreListedSortedAndOnlyYaml() {
    List<Path> cassettes = ConformanceRunner.cassettesUnder(ConformanceCassettes.ROOT);

    assertThat(cassettes).isSorted();
    assertThat(cassettes).allMatch(p -> p.getFileName().toString().endsWith(".yaml"));
  }
}
