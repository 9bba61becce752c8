package dev.reverie.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Binds to a Jackson {@link JsonNode} (or a node subtype). Converted containers are remembered by
 * node identity, so a new snapshot only converts the containers that changed; the Jackson nodes of
 * unchanged subtrees are shared between results, which callers must therefore not modify.
 */
final class JsonNodeBinding extends MemoizingBinding implements JsonTrees.NodeCache {
  private final Class<?> type;
  private final IdentityMemo converted;

  JsonNodeBinding(BindingRegistry registry, Class<?> type) {
    super(registry);
    this.type = type;
    this.converted = new IdentityMemo(registry);
  }

  @Override
  Object create(JsonValue value) {
    JsonNode node = JsonTrees.toJsonNode(value, this);
    return type.isInstance(node) ? node : null;
  }

  @Override
  public JsonNode get(JsonValue container) {
    Object hit = converted.get(container);
    return hit instanceof JsonNode node ? node : null;
  }

  @Override
  public void put(JsonValue container, JsonNode node) {
    converted.put(container, node);
  }
}
