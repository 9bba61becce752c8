package dev.reverie.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers the Jackson tree made for each value converted by {@link
 * JsonValue#toJsonNode(JsonNodeCache)}, by identity, so converting a document whose parts were
 * converted before (array elements checked one by one as they completed, then the whole document at
 * the end) converts each part once. Only the converted values themselves are kept, not the
 * containers inside them: those are reached through the tree of the value holding them.
 *
 * <p>Values are immutable, so a container always converts to an equal tree; the cached trees are
 * shared between results, which callers must therefore not modify. One per document; not
 * thread-safe.
 */
public final class JsonNodeCache implements JsonTrees.NodeCache {
  private final Map<JsonValue, JsonNode> nodes = new IdentityHashMap<>();

  @Override
  public JsonNode get(JsonValue container) {
    return nodes.get(container);
  }

  @Override
  public void put(JsonValue container, JsonNode node) {
    nodes.put(container, node);
  }

  // A stream converts completed array elements, then the document holding them: only the values
  // converted on their own are ever asked for again.
  @Override
  public boolean keepsInnerContainers() {
    return false;
  }
}
