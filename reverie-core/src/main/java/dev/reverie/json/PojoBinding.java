package dev.reverie.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Binds to any other class through Jackson ({@code convertValue} of the tree, snake_case names,
 * unknown properties ignored, missing ones left null). A value Jackson cannot convert (such as a
 * partial one of the wrong kind) binds to null.
 */
final class PojoBinding extends MemoizingBinding {
  private static final class Mapper {
    static final ObjectMapper INSTANCE =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
  }

  private final JavaType type;

  PojoBinding(JavaType type) {
    this.type = type;
  }

  @Override
  Object create(JsonValue value) {
    try {
      return Mapper.INSTANCE.convertValue(value.toJsonNode(), type);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
