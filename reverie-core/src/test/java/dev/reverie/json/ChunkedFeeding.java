package dev.reverie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Feeds a document to a parser in given pieces and checks, after every piece, what a consumer may
 * rely on: visible states only ever extend the previous one (no number prefix, strings only grow),
 * and replaying the changes on a Jackson tree gives the snapshot.
 */
final class ChunkedFeeding {
  private ChunkedFeeding() {}

  /** The outcome of one feeding: the final snapshot and every distinct visible state in order. */
  record Outcome(
      JsonValue last, List<JsonValue> states, boolean complete, List<JsonChange> changes) {}

  static Outcome feed(String document, List<String> pieces) {
    IncrementalJsonParser parser = new IncrementalJsonParser(JsonReadLimits.DEFAULT);
    ChangeReplay replay = new ChangeReplay();
    List<JsonValue> states = new ArrayList<>();
    List<JsonChange> all = new ArrayList<>();
    JsonValue previous = null;
    for (int i = 0; i <= pieces.size(); i++) {
      List<JsonChange> changes =
          i < pieces.size() ? parser.feed(pieces.get(i)) : parser.endOfInput();
      all.addAll(changes);
      changes.forEach(replay::apply);
      JsonValue current = parser.snapshot().orElse(null);
      if (current != null) {
        assertThat(replay.tree())
            .as("changes replayed after piece %d of %s", i, document)
            .isEqualTo(current.toJsonNode());
        if (previous != null) assertExtends(previous, current, "", document);
        if (current != previous) states.add(current);
      } else {
        assertThat(changes).isEmpty();
      }
      if (changes.isEmpty()) {
        assertThat(current).as("no change, same snapshot").isEqualTo(previous);
      }
      previous = current;
    }
    replay.assertEveryValueCompletedOnce(parser.isComplete());
    return new Outcome(previous, states, parser.isComplete(), all);
  }

  static List<String> splitAt(String document, int... offsets) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int offset : offsets) {
      pieces.add(document.substring(start, offset));
      start = offset;
    }
    pieces.add(document.substring(start));
    return pieces;
  }

  static List<String> chunks(String document, int size) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < document.length(); i += size) {
      pieces.add(document.substring(i, Math.min(document.length(), i + size)));
    }
    return pieces;
  }

  static List<String> randomChunks(String document, long seed, int maxSize) {
    Random random = new Random(seed);
    List<String> pieces = new ArrayList<>();
    int i = 0;
    while (i < document.length()) {
      int end = Math.min(document.length(), i + 1 + random.nextInt(maxSize));
      pieces.add(document.substring(i, end));
      i = end;
    }
    return pieces;
  }

  /** Fails unless {@code next} is {@code previous} with more written (or the same). */
  static void assertExtends(JsonValue previous, JsonValue next, String path, String document) {
    String where = "at '" + path + "' of " + document;
    if (previous.complete()) {
      assertThat(next).as("a complete value never changes " + where).isEqualTo(previous);
      return;
    }
    assertThat(next.kind()).as(where).isEqualTo(previous.kind());
    switch (previous.kind()) {
      case STRING ->
          assertThat(((JsonString) next).value())
              .as("strings only grow " + where)
              .startsWith(((JsonString) previous).value());
      case ARRAY -> {
        JsonArray p = (JsonArray) previous;
        JsonArray n = (JsonArray) next;
        assertThat(n.size()).as(where).isGreaterThanOrEqualTo(p.size());
        for (int i = 0; i < p.size(); i++)
          assertExtends(p.get(i), n.get(i), path + "/" + i, document);
      }
      case OBJECT -> {
        JsonObject p = (JsonObject) previous;
        JsonObject n = (JsonObject) next;
        assertThat(n.size()).as(where).isGreaterThanOrEqualTo(p.size());
        for (int i = 0; i < p.size(); i++) {
          assertThat(n.nameAt(i)).as(where).isEqualTo(p.nameAt(i));
          assertExtends(p.valueAt(i), n.valueAt(i), path + "/" + p.nameAt(i), document);
        }
      }
      default -> fail("scalars are always complete " + where);
    }
  }

  /** Applies changes to a mutable Jackson tree, as a UI applying patches would. */
  static final class ChangeReplay {
    private JsonNode root;
    private final Map<String, Integer> added = new HashMap<>();
    private final Map<String, Integer> completed = new HashMap<>();

    JsonNode tree() {
      return root;
    }

    void apply(JsonChange change) {
      String path = change.path();
      if (change instanceof JsonChange.Added a) {
        // A repeated member name (legal JSON) adds the same path again once the first is done.
        if (completed.remove(path) == null) {
          assertThat(added.merge(path, 1, Integer::sum)).as("one Added for " + path).isEqualTo(1);
        }
        if (a.value() instanceof JsonObject o) assertThat(o.size()).isZero();
        if (a.value() instanceof JsonArray arr) assertThat(arr.size()).isZero();
        set(path, a.value().toJsonNode(), true);
      } else if (change instanceof JsonChange.Appended a) {
        assertThat(added).containsKey(path);
        assertThat(completed).doesNotContainKey(path);
        assertThat(a.text()).isNotEmpty();
        JsonNode current = at(path);
        assertThat(current.isTextual()).isTrue();
        set(path, TextNode.valueOf(current.textValue() + a.text()), false);
      } else if (change instanceof JsonChange.Completed c) {
        assertThat(added).containsKey(path);
        assertThat(completed.merge(path, 1, Integer::sum))
            .as("one Completed for " + path)
            .isEqualTo(1);
        assertThat(c.value().complete()).isTrue();
        assertThat(at(path)).as("completed value at " + path).isEqualTo(c.value().toJsonNode());
      }
    }

    void assertEveryValueCompletedOnce(boolean documentComplete) {
      if (documentComplete) assertThat(completed.keySet()).isEqualTo(added.keySet());
    }

    private JsonNode at(String path) {
      return path.isEmpty() ? root : root.at(com.fasterxml.jackson.core.JsonPointer.compile(path));
    }

    private void set(String path, JsonNode value, boolean adding) {
      if (path.isEmpty()) {
        root = value;
        return;
      }
      int slash = path.lastIndexOf('/');
      JsonNode parent = at(path.substring(0, slash));
      String token = JsonPointer.unescape(path.substring(slash + 1));
      if (parent instanceof ArrayNode array) {
        int index = Integer.parseInt(token);
        if (adding) {
          assertThat(index).as("elements are added in order").isEqualTo(array.size());
          array.add(value);
        } else {
          array.set(index, value);
        }
      } else if (parent instanceof ObjectNode object) {
        object.set(token, value);
      } else {
        fail("no container at the parent of " + path);
      }
    }
  }

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
}
