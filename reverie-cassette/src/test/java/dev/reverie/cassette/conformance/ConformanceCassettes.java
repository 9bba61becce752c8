package dev.reverie.cassette.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the recorded cassettes are for tests: the module's test data, else the shared folder. */
final class ConformanceCassettes {
  /** The cassette root: {@code TestOpenAICommon/...}, {@code wish.png} and so on live here. */
  static final Path ROOT = root();

  private ConformanceCassettes() {}

  private static Path root() {
    Path inModule = Path.of("src", "test", "resources", "cassettes");
    if (Files.isDirectory(inModule)) return inModule;
    return Path.of("..", "..", "shared", "conformance", "cassettes");
  }

  /** Every cassette under the root, sorted. */
  static List<Path> all() {
    return ConformanceRunner.cassettesUnder(ROOT);
  }

  /** A cassette by its path under the root, e.g. {@code TestAnthropicCommon/claude-sonnet-4/simple.yaml}. */
  static Path cassette(String relativePath) {
    return ROOT.resolve(relativePath);
  }
}
