package dev.reverie.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The recordings in the repository are byte-identical copies of the shared conformance set: never
 * edited to make a test pass. Runs where the shared folder sits beside the clone (as in CI).
 */
class RecordingsAreUnchangedTest {
  private static final Path SHARED = Path.of("../../shared/conformance/cassettes");

  @Test
  void everySharedRecordingIsCopiedByteForByte() throws IOException {
    assumeTrue(Files.isDirectory(SHARED), "the shared conformance folder is not beside this clone");
    List<Path> shared = files(SHARED);
    assertThat(shared).isNotEmpty();
    for (Path original : shared) {
      Path copy = TestCassettes.ROOT.resolve(SHARED.relativize(original).toString());
      assertThat(copy).as("copy of %s", original).exists();
      assertThat(Files.mismatch(original, copy))
          .as("%s differs from the shared recording", copy)
          .isEqualTo(-1L);
    }
    // And nothing was added among the recordings that the shared set does not have.
    List<Path> copies =
        files(TestCassettes.ROOT).stream().filter(p -> p.toString().endsWith(".yaml")).toList();
    assertThat(copies)
        .hasSize((int) shared.stream().filter(p -> p.toString().endsWith(".yaml")).count());
  }

  @Test
  void theProvenanceNoticeTravelsWithTheRecordings() {
    assertThat(TestCassettes.ROOT.resolve("NOTICE.md")).exists();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
