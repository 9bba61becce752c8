package dev.reverie.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bindings of one {@link TypedBinder}, one per Java type reachable from its target type, all
 * made when the binder is made (so the map is never changed afterwards).
 */
final class BindingRegistry {
  final TypeFactory types = TypeFactory.defaultInstance();
  private final Map<JavaType, Binding> bindings = new HashMap<>();

  Binding bindingFor(JavaType type) {
    Binding existing = bindings.get(type);
    if (existing != null) return existing;
    Class<?> raw = type.getRawClass();
    if (JsonValue.class.isAssignableFrom(raw)) return register(type, new TreeBinding(raw));
    if (JsonNode.class.isAssignableFrom(raw)) return register(type, new JsonNodeBinding(raw));
    if (raw == Object.class) return register(type, new UntypedBinding());
    ScalarBinding scalar = ScalarBinding.forType(raw);
    if (scalar != null) return register(type, scalar);
    if (raw == Optional.class) {
      OptionalBinding optional = register(type, new OptionalBinding());
      optional.resolve(bindingFor(type.containedTypeOrUnknown(0)));
      return optional;
    }
    if (raw.isEnum()) return register(type, new EnumBinding(raw));
    if (raw.isArray()) {
      return register(
          type, new ArrayBinding(raw.getComponentType(), bindingFor(type.getContentType())));
    }
    if (Iterable.class.isAssignableFrom(raw)) {
      JavaType elementType =
          type.isCollectionLikeType() ? type.getContentType() : type.containedTypeOrUnknown(0);
      if (raw.isAssignableFrom(List.class)) {
        ListBinding list = register(type, new ListBinding());
        list.resolve(bindingFor(elementType));
        return list;
      }
      if (Collection.class.isAssignableFrom(raw) && CollectionCopyBinding.canMake(raw)) {
        CollectionCopyBinding copy = register(type, new CollectionCopyBinding(raw));
        copy.resolve(bindingFor(elementType));
        return copy;
      }
    }
    if (type.isMapLikeType() && raw.isAssignableFrom(Map.class)) {
      Class<?> key = type.getKeyType().getRawClass();
      if (key == String.class || key == Object.class || key == CharSequence.class) {
        MapBinding map = register(type, new MapBinding());
        map.resolve(bindingFor(type.getContentType()));
        return map;
      }
    }
    if (raw.isRecord()) {
      RecordBinding record = register(type, new RecordBinding(raw));
      record.resolve(this, type);
      return record;
    }
    return register(type, new PojoBinding(type));
  }

  private <B extends Binding> B register(JavaType type, B binding) {
    bindings.put(type, binding);
    return binding;
  }
}
