package dev.reverie.cassette.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void everyRecordedCassetteIsAKnownScenario() {
    assertThat(ConformanceCassettes.all()).hasSizeGreaterThan(200);
    for (Path cassette : ConformanceCassettes.all()) {
      assertThat(Scenario.of(cassette)).as(cassette.toString()).isPresent();
    }
  }

  @Test
  void fileNamesTellTheScenario() {
    assertThat(scenario("TestOpenAICommon/openai-gpt-4o/simple.yaml")).contains(Scenario.SIMPLE);
    assertThat(scenario("TestOpenAICommon/openai-gpt-4o/multi_tool_streaming.yaml"))
        .contains(Scenario.MULTI_TOOL_STREAMING);
    assertThat(scenario("TestAnthropicThinking/claude-sonnet-4/thinking-streaming.yaml"))
        .contains(Scenario.THINKING_STREAMING);
    assertThat(scenario("TestOpenAIObjectGeneration/openai-o4-mini/complex_object_streaming.yaml"))
        .contains(Scenario.COMPLEX_OBJECT_STREAMING);
    assertThat(scenario("TestAnthropicComputerUse/claude-sonnet-4/computer_use.yaml"))
        .contains(Scenario.COMPUTER_USE);
  }

  @Test
  void imageUploadAndWebSearchAreToldByTheirFolder() {
    assertThat(scenario("TestImageUploadAgent/gemini-2.5-pro.yaml"))
        .contains(Scenario.IMAGE_UPLOAD);
    assertThat(scenario("TestImageUploadAgentStreaming/gemini-2.5-pro-stream.yaml"))
        .contains(Scenario.IMAGE_UPLOAD_STREAMING);
    assertThat(scenario("TestAnthropicWebSearch/generate.yaml")).contains(Scenario.WEB_SEARCH);
    assertThat(scenario("TestOpenAIWebSearch/stream.yaml")).contains(Scenario.WEB_SEARCH_STREAMING);
    assertThat(scenario("TestOpenAIWebSearch/simple.yaml")).isEmpty();
  }

  @Test
  void unknownFilesAreNoScenario() {
    assertThat(scenario("TestOpenAICommon/openai-gpt-4o/haiku.yaml")).isEmpty();
    assertThat(scenario("TestOpenAICommon/openai-gpt-4o/simple.yml")).isEmpty();
    assertThat(scenario("wish.png")).isEmpty();
  }

  @Test
  void theRecordedSetCoversEveryScenarioExceptStreamedImageUpload() {
    Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
    for (Path cassette : ConformanceCassettes.all()) {
      counts.merge(Scenario.of(cassette).orElseThrow(), 1, Integer::sum);
    }
    assertThat(counts.keySet())
        .containsAll(EnumSet.complementOf(EnumSet.of(Scenario.IMAGE_UPLOAD_STREAMING)));
  }

  private static Optional<Scenario> scenario(String path) {
    return Scenario.of(Path.of("cassettes").resolve(path));
  }
}
