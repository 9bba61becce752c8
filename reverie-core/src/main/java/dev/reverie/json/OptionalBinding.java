package dev.reverie.json;

import java.util.Optional;

/** Binds to {@code Optional<X>}: present when the value binds to X, else empty (never null). */
final class OptionalBinding extends Binding {
  private Binding content;

  void resolve(Binding contentBinding) {
    this.content = contentBinding;
  }

  @Override
  Object bind(JsonValue value) {
    return Optional.ofNullable(content.bind(value));
  }

  @Override
  Object absent() {
    return Optional.empty();
  }
}
