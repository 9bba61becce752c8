package dev.reverie.json;

/** Binds to {@link JsonValue} (or one of its kinds) by handing out the node itself. */
final class TreeBinding extends Binding {
  private final Class<?> type;

  TreeBinding(Class<?> type) {
    this.type = type;
  }

  @Override
  Object bind(JsonValue value) {
    return type.isInstance(value) ? value : null;
  }
}
