package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The event-stream bodies core's tests read ({@code reverie-core/src/test/resources/bedrock/
 * eventstreams}) are the recorded Bedrock bodies, byte for byte, and all of them.
 */
class BedrockBodiesInCoreAreTheRecordedOnesTest {
  private static final Path CORE_COPIES =
      Path.of("../reverie-core/src/test/resources/bedrock/eventstreams");

  @Test
  void everyStreamedBedrockBodyIsCopiedUnchanged() throws IOException {
    var expected = new ArrayList<String>();
    List<Path> cassettes;
    try (Stream<Path> walk = Files.walk(TestCassettes.ROOT)) {
      cassettes =
          walk.filter(p -> p.toString().endsWith(".yaml"))
              .filter(p -> TestCassettes.ROOT.relativize(p).toString().startsWith("TestBedrock"))
              .sorted()
              .toList();
    }
    assertThat(cassettes).hasSize(10);
    for (Path path : cassettes) {
      List<Interaction> interactions = Cassette.load(path).interactions();
      for (int i = 0; i < interactions.size(); i++) {
        RecordedResponse response = interactions.get(i).response();
        if (!response.headers().first("Content-Type").orElse("").contains("eventstream")) continue;
        String relative = TestCassettes.ROOT.relativize(path).toString();
        String name = relative.substring(0, relative.length() - ".yaml".length()) + "-" + i;
        expected.add(name + ".eventstream");
        assertThat(Files.readAllBytes(CORE_COPIES.resolve(name + ".eventstream")))
            .as(name)
            .isEqualTo(response.body());
      }
    }
    assertThat(Files.readAllLines(CORE_COPIES.resolve("index.txt")))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
