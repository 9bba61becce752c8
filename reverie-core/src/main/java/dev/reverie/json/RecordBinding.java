package dev.reverie.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
  // The canonical constructor taking the arguments as one Object[]: called as a method handle it
  // skips reflection's access checks and the accessor shared by every constructor in the JVM. Null
  // when the record cannot be reached that way (then reflection is used).
  private MethodHandle creator;
  private String[] jsonNames;
  private String[] javaNames;
  private Binding[] components;
  // Where a member of a given name goes: component * 2, plus 1 for a Java-name fallback.
  private Map<String, int[]> targets;
  // Whether a member named jsonNames[k] goes to component k and nowhere else.
  private boolean[] positional;
  // The targets of jsonNames[k], when positional.
  private int[][] ownTargets;
  // The last name instance found equal to jsonNames[k]: the parser shares name instances, so an
  // identity test usually answers. Racy, but it only ever holds immutable Strings.
  private String[] seenNames;

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
    creator = creatorOf(constructor);
    for (int i = 0; i < parts.length; i++) {
      JsonProperty onParameter = constructor.getParameters()[i].getAnnotation(JsonProperty.class);
      if (onParameter != null && !onParameter.value().isEmpty()) jsonNames[i] = onParameter.value();
      JavaType componentType =
          registry.types.resolveMemberType(parts[i].getGenericType(), recordType.getBindings());
      components[i] = registry.bindingFor(componentType);
    }
    resolveTargets();
  }

  private static MethodHandle creatorOf(Constructor<?> constructor) {
    try {
      return MethodHandles.lookup()
          .unreflectConstructor(constructor)
          .asSpreader(Object[].class, constructor.getParameterCount())
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (IllegalAccessException | IllegalArgumentException e) {
      // Not reachable by a lookup here, or too many components for a method handle.
      return null;
    }
  }

  /**
   * Calls the canonical constructor. When it throws, it rejected the values: an incomplete object
   * then binds to null, a complete one is a {@link JsonBindingException}.
   */
  private Object construct(Object[] arguments, boolean complete) {
    Throwable rejection;
    if (creator != null) {
      try {
        return (Object) creator.invokeExact(arguments);
      } catch (RuntimeException e) {
        // A canonical constructor declares no checked exceptions, and the arguments are of the
        // component types by construction: what it throws is its verdict on the values.
        rejection = e;
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        throw new JsonBindingException("cannot construct " + type.getName() + ": " + e, e);
      }
    } else {
      try {
        return constructor.newInstance(arguments);
      } catch (InvocationTargetException e) {
        rejection = e.getCause();
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new JsonBindingException("cannot construct " + type.getName() + ": " + e, e);
      }
    }
    if (!complete) return null;
    throw new JsonBindingException(
        "the constructor of " + type.getName() + " rejected the values: " + rejection, rejection);
  }

  private void resolveTargets() {
    targets = new HashMap<>();
    for (int i = 0; i < jsonNames.length; i++) addTarget(jsonNames[i], i * 2);
    for (int i = 0; i < javaNames.length; i++) {
      if (!javaNames[i].equals(jsonNames[i])) addTarget(javaNames[i], i * 2 + 1);
    }
    positional = new boolean[jsonNames.length];
    for (int i = 0; i < jsonNames.length; i++) {
      int[] to = targets.get(jsonNames[i]);
      positional[i] = to.length == 1 && to[0] == i * 2;
    }
    seenNames = new String[jsonNames.length];
    ownTargets = new int[jsonNames.length][];
    for (int i = 0; i < jsonNames.length; i++) ownTargets[i] = targets.get(jsonNames[i]);
  }

  private void addTarget(String name, int target) {
    int[] known = targets.get(name);
    if (known == null) {
      targets.put(name, new int[] {target});
    } else {
      int[] grown = Arrays.copyOf(known, known.length + 1);
      grown[known.length] = target;
      targets.put(name, grown);
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
    Object[] arguments = object.size() <= 2 * components.length + 8 ? walk(object) : lookUp(object);
    return construct(arguments, object.complete());
  }

  /**
   * The arguments from one pass over the members, for an object not much larger than the record:
   * models write members in component order, so member k is usually component k. A later duplicate
   * overwrites an earlier one, so the last wins, as in {@link JsonObject#get}.
   */
  private Object[] walk(JsonObject object) {
    int count = components.length;
    JsonValue[] chosen = new JsonValue[count];
    boolean[] named = new boolean[count];
    int size = object.size();
    for (int position = 0; position < size; position++) {
      choose(targetsOf(object.nameAt(position), position), object.valueAt(position), chosen, named);
    }
    Object[] arguments = new Object[count];
    for (int i = 0; i < count; i++) arguments[i] = components[i].bindOrAbsent(chosen[i]);
    return arguments;
  }

  /**
   * Whether a member going to {@code target} counts, given the members seen before it: one under
   * the component's JSON name replaces whatever the component read (so the last one wins); one
   * under its Java name counts only while none under the JSON name has been seen ({@code named}).
   */
  private static boolean counts(int target, boolean[] named) {
    return (target & 1) == 0 || !named[target >> 1];
  }

  /** Records the member {@code value}, going to targets {@code to} (null: none), by that rule. */
  private static void choose(int[] to, JsonValue value, JsonValue[] chosen, boolean[] named) {
    if (to == null) return;
    for (int target : to) {
      if (!counts(target, named)) continue;
      chosen[target >> 1] = value;
      if ((target & 1) == 0) named[target >> 1] = true;
    }
  }

  /**
   * Binds an open object the parser is inside of (at {@code level}): its finished members come from
   * arguments kept on the container and extended as members finish, the member being written is
   * bound from the parser's open path. Equal to {@code create} on the container's snapshot.
   */
  @Override
  Object bindOpen(OpenContainer container, IncrementalJsonParser parser, int level) {
    if (!container.object) return null;
    OpenMembers members =
        container.bindingState instanceof OpenMembers known && known.binding == this
            ? known
            : new OpenMembers(this);
    container.bindingState = members;
    Object[] arguments = members.argumentsAfter(container);
    String name = container.pendingName;
    if (name != null && OpenPath.hasOpenChild(parser, level)) {
      int[] to = targetsOf(name, container.count());
      if (to != null) {
        for (int target : to) {
          // The member being written is the last one so far.
          if (counts(target, members.named)) {
            int component = target >> 1;
            arguments[component] = OpenPath.bindOrAbsent(components[component], parser, level + 1);
          }
        }
      }
    }
    return construct(arguments, false);
  }

  /** Where the member called {@code name} at {@code position} goes, or null: nowhere. */
  private int[] targetsOf(String name, int position) {
    if (position < components.length && positional[position] && isJsonName(position, name)) {
      return ownTargets[position];
    }
    return targets.get(name);
  }

  /**
   * The arguments made from the finished members of one open object, kept on its {@link
   * OpenContainer} while the parser is inside it. Members only ever get appended, so each is looked
   * at once; a component is bound again only when the member it reads changes (a later duplicate).
   * Confined to the parser's thread, like the container.
   */
  private static final class OpenMembers {
    final RecordBinding binding;
    // For each component: the member it reads (the last with its name, else the last with its
    // Java name), whether that is by name, and the value bound from it.
    final JsonValue[] chosen;
    final boolean[] named;
    final JsonValue[] boundFrom;
    final Object[] bound;
    final Object[] arguments;
    int seen;

    OpenMembers(RecordBinding binding) {
      this.binding = binding;
      int n = binding.components.length;
      chosen = new JsonValue[n];
      named = new boolean[n];
      boundFrom = new JsonValue[n];
      bound = new Object[n];
      for (int i = 0; i < n; i++) bound[i] = binding.components[i].absent();
      arguments = new Object[n];
    }

    /** Arguments for the finished members of {@code container}, in a reused array. */
    Object[] argumentsAfter(OpenContainer container) {
      int count = container.count();
      if (seen < count) {
        for (int k = seen; k < count; k++) {
          choose(binding.targetsOf(container.nameAt(k), k), container.valueAt(k), chosen, named);
        }
        for (int i = 0; i < chosen.length; i++) {
          if (chosen[i] != boundFrom[i]) {
            bound[i] = binding.components[i].bindOrAbsent(chosen[i]);
            boundFrom[i] = chosen[i];
          }
        }
        // Only now: if a member's binding threw, the next call meets it again, as a walk would.
        // Choosing the same members again gives the same choice.
        seen = count;
      }
      System.arraycopy(bound, 0, arguments, 0, bound.length);
      return arguments;
    }
  }

  private boolean isJsonName(int component, String name) {
    if (name == seenNames[component]) return true;
    if (!name.equals(jsonNames[component])) return false;
    seenNames[component] = name;
    return true;
  }

  /** The arguments by name lookups, for an object with many members the record does not read. */
  private Object[] lookUp(JsonObject object) {
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      JsonValue member = object.find(jsonNames[i]);
      if (member == null && !jsonNames[i].equals(javaNames[i])) member = object.find(javaNames[i]);
      arguments[i] = components[i].bindOrAbsent(member);
    }
    return arguments;
  }
}
