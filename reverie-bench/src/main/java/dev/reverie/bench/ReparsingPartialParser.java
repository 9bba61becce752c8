package dev.reverie.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What peer libraries do with a streamed object, as the baseline Reverie's incremental parser is
 * measured against: append each delta to the accumulated text, close it with {@link
 * PartialJsonCloser}, parse the whole of it again with Jackson, and deep-compare the tree with the
 * previous one to decide whether to emit a partial. Every step is O(accumulated size), so a whole
 * stream is quadratic. Not thread-safe.
 */
public final class ReparsingPartialParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final StringBuilder text = new StringBuilder();
  private JsonNode last;

  /** Appends {@code delta}; the new partial tree if it differs from the last one. */
  public Optional<JsonNode> feed(String delta) {
    text.append(delta);
    JsonNode tree = parsePrefix(text.toString());
    if (tree == null || tree.equals(last)) return Optional.empty();
    last = tree;
    return Optional.of(tree);
  }

  /** The tree of the unfinished document {@code text}, closed; null if not parseable yet. */
  public static JsonNode parsePrefix(String text) {
    Optional<String> closed = PartialJsonCloser.close(text);
    if (closed.isEmpty()) return null;
    try {
      return MAPPER.readTree(closed.get());
    } catch (JsonProcessingException e) {
      // Peers swallow a failed partial parse and wait for the next delta.
      return null;
    }
  }
}
