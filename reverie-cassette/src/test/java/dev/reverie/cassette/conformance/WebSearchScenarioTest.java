package dev.reverie.cassette.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reverie.cassette.Cassette;
import dev.reverie.cassette.Interaction;
import dev.reverie.cassette.conformance.ScenarioResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web-search scenarios take their turns from REFERENCE.md §3.2, not from the recording: a
 * recording with fewer or more turns than the scenario has fails.
 */
class WebSearchScenarioTest {
  private static final String SUITE = "TestAnthropicWebSearch";

  private static ScenarioResult runAs(Path root, String fileName, List<Interaction> interactions)
      throws IOException {
    Path file = Files.createDirectories(root.resolve(SUITE)).resolve(fileName);
    Cassette.of(interactions).save(file);
    return ConformanceRunner.standard().runCassette(root, file);
  }

  private static List<Interaction> recorded(String fileName) {
    return Cassette.load(ConformanceCassettes.cassette(SUITE + "/" + fileName)).interactions();
  }

  @Test
  void theRecordedAnthropicScenariosPassWithTheirTurns() {
    for (String fileName : List.of("generate.yaml", "stream.yaml")) {
      ScenarioResult result =
          ConformanceRunner.standard()
              .runCassette(
                  ConformanceCassettes.ROOT, ConformanceCassettes.cassette(SUITE + "/" + fileName));
      assertThat(result.status()).as(result.line()).isEqualTo(Status.PASS);
      assertThat(result.requestsIdentical()).isEqualTo(result.requestsTotal());
    }
    assertThat(recorded("stream.yaml")).hasSize(2);
  }

  @Test
  void aStreamedRecordingWithoutTheFollowUpTurnFails(@TempDir Path root) throws IOException {
    List<Interaction> firstTurnOnly = recorded("stream.yaml").subList(0, 1);

    ScenarioResult result = runAs(root, "stream.yaml", firstTurnOnly);

    // The scenario asks about Osaka whatever the recording holds; nothing answers it.
    assertThat(result.status()).as(result.line()).isEqualTo(Status.FAIL);
    assertThat(result.reason()).contains("no recorded interaction matches");
  }

  @Test
  void aGeneratedRecordingWithAnExtraTurnFails(@TempDir Path root) throws IOException {
    var withExtraTurn = new ArrayList<>(recorded("generate.yaml"));
    Interaction followUp = recorded("stream.yaml").get(1);
    withExtraTurn.add(new Interaction(1, followUp.request(), followUp.response()));

    ScenarioResult result = runAs(root, "generate.yaml", withExtraTurn);

    assertThat(result.status()).as(result.line()).isEqualTo(Status.FAIL);
    assertThat(result.reason()).contains("used 1 of 2 recorded requests");
  }
}
