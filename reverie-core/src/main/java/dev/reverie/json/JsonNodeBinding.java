package dev.reverie.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Binds to a Jackson {@link JsonNode} (or a node subtype). Converted containers are remembered on
 * the container nodes, so a new snapshot only converts the containers that changed; the Jackson
 * nodes of unchanged subtrees are shared between results, which callers must therefore not modify.
 */
final class JsonNodeBinding extends MemoizingBinding implements JsonTrees.NodeCache {
  private final Class<?> type;

  JsonNodeBinding(Class<?> type) {
    this.type = type;
  }

  @Override
  Object bind(JsonValue value) {
    JsonNode node = (JsonNode) super.bind(value);
    return type.isInstance(node) ? node : null;
  }

  @Override
  Object bindFresh(JsonValue value) {
    JsonNode node = (JsonNode) create(value);
    return type.isInstance(node) ? node : null;
  }

  @Override
  Object create(JsonValue value) {
    return JsonTrees.toJsonNode(value, this);
  }

  @Override
  public JsonNode get(JsonValue container) {
    BoundResult known = BoundResult.of(container);
    return known != null && known.binding == this ? (JsonNode) known.value : null;
  }

  @Override
  public void put(JsonValue container, JsonNode node) {
    BoundResult.remember(container, this, node);
  }
}
