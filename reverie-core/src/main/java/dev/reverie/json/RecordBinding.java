package dev.reverie.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Binds an object to a record through its canonical constructor. Each component reads the member
 * named after it in snake_case (as Jackson's {@code SNAKE_CASE} strategy spells it) or by its
 * {@code @JsonProperty}, falling back to the component's own name; a missing member is null (a
 * primitive's zero).
 *
 * <p>A record whose constructor rejects the values of an incomplete object binds to null; for a
 * complete object that is a {@link JsonBindingException}.
 */
final class RecordBinding extends MemoizingBinding {
  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private final Class<?> type;
  private Constructor<?> constructor;
  private String[] jsonNames;
  private String[] javaNames;
  private Binding[] components;

  RecordBinding(Class<?> type) {
    this.type = type;
  }

  /** Resolves the components; separate from construction so recursive records can refer back. */
  void resolve(BindingRegistry registry, JavaType recordType) {
    RecordComponent[] parts = type.getRecordComponents();
    Class<?>[] parameterTypes = new Class<?>[parts.length];
    jsonNames = new String[parts.length];
    javaNames = new String[parts.length];
    components = new Binding[parts.length];
    for (int i = 0; i < parts.length; i++) {
      parameterTypes[i] = parts[i].getType();
      javaNames[i] = parts[i].getName();
      jsonNames[i] = jsonName(parts[i]);
    }
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no canonical constructor in " + type.getName(), e);
    }
    constructor.trySetAccessible();
    for (int i = 0; i < parts.length; i++) {
      JsonProperty onParameter = constructor.getParameters()[i].getAnnotation(JsonProperty.class);
      if (onParameter != null && !onParameter.value().isEmpty()) jsonNames[i] = onParameter.value();
      JavaType componentType =
          registry.types.resolveMemberType(parts[i].getGenericType(), recordType.getBindings());
      components[i] = registry.bindingFor(componentType);
    }
  }

  private String jsonName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    if (property == null) {
      try {
        property = type.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
      } catch (NoSuchFieldException e) {
        property = null;
      }
    }
    if (property != null && !property.value().isEmpty()) return property.value();
    return SNAKE_CASE.translate(component.getName());
  }

  @Override
  Object create(JsonValue value) {
    if (!(value instanceof JsonObject object)) return null;
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      JsonValue member = object.find(jsonNames[i]);
      if (member == null && !jsonNames[i].equals(javaNames[i])) member = object.find(javaNames[i]);
      arguments[i] = components[i].bindOrAbsent(member);
    }
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      if (!object.complete()) return null;
      throw new JsonBindingException(
          "the constructor of " + type.getName() + " rejected the values: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new JsonBindingException("cannot construct " + type.getName() + ": " + e, e);
    }
  }
}
