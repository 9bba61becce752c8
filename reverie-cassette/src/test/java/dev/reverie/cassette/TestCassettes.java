package dev.reverie.cassette;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the recorded conformance cassettes are found by tests: change the root here only. */
final class TestCassettes {
  /** The cassette root, relative to the module directory (Maven's working directory). */
  static final Path ROOT = Path.of("src/test/resources/cassettes");

  private TestCassettes() {}

  /** A cassette under the root, e.g. {@code TestOpenAICommon/openai-gpt-4o/simple.yaml}. */
  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  /** Every cassette under the root, sorted. */
  static List<Path> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
