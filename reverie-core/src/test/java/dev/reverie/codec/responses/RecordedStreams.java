package dev.reverie.codec.responses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the streamed response bodies of the shared recordings (go-vcr YAML, {@code body: |+}
 * literal blocks) without a YAML library: core has none, and the blocks are plain indented text.
 */
final class RecordedStreams {
  private static final Path CASSETTES =
      Path.of("..", "reverie-cassette", "src", "test", "resources", "cassettes");
  private static final String BLOCK = "    body: |+";
  private static final String INDENT = "      ";

  private RecordedStreams() {}

  /**
   * The body of interaction {@code index} of {@code cassette}, e.g. {@code
   * TestOpenAIWebSearch/stream}.
   */
  static String responseBody(String cassette, int index) {
    List<String> lines;
    try {
      lines = Files.readAllLines(CASSETTES.resolve(cassette + ".yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int seen = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals(BLOCK) || ++seen != index) continue;
      var body = new StringBuilder();
      for (int j = i + 1; j < lines.size(); j++) {
        String line = lines.get(j);
        if (line.isEmpty()) body.append('\n');
        else if (line.startsWith(INDENT))
          body.append(line, INDENT.length(), line.length()).append('\n');
        else break;
      }
      return body.toString();
    }
    throw new IllegalArgumentException(cassette + " has no streamed body " + index);
  }
}
