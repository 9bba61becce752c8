package dev.reverie.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a complete string to an enum constant by name, ignoring case, or by the constant's
 * {@code @JsonProperty} name. An unknown or still incomplete name binds to null.
 */
final class EnumBinding extends Binding {
  private final Map<String, Object> exact = new HashMap<>();
  private final Map<String, Object> folded = new HashMap<>();

  EnumBinding(Class<?> type) {
    for (Object constant : type.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      add(name, constant);
      try {
        JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
        if (property != null && !property.value().isEmpty()) add(property.value(), constant);
      } catch (NoSuchFieldException e) {
        // Every constant is a public field; nothing else to learn.
      }
    }
  }

  private void add(String name, Object constant) {
    exact.putIfAbsent(name, constant);
    folded.putIfAbsent(name.toLowerCase(Locale.ROOT), constant);
  }

  @Override
  Object bind(JsonValue value) {
    if (!(value instanceof JsonString s) || !s.complete()) return null;
    Object constant = exact.get(s.value());
    return constant != null ? constant : folded.get(s.value().toLowerCase(Locale.ROOT));
  }
}
