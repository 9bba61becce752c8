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

  /**
   * Every recorded cassette, sorted: those in the suite folders ({@code Test*}) under the root, not
   * the fixtures other tests keep next to them.
   */
  static List<Path> all() {
    return ConformanceRunner.cassettesUnder(ROOT).stream()
        .filter(p -> ROOT.relativize(p).getName(0).toString().startsWith("Test"))
        .toList();
  }

  /**
   * A cassette by its path under the root, e.g. {@code
   * TestAnthropicCommon/claude-sonnet-4/simple.yaml}.
   */
  static Path cassette(String relativePath) {
    return ROOT.resolve(relativePath);
  }
}
