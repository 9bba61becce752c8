package dev.reverie;

import dev.reverie.repair.RepairHook;
import java.util.Objects;

/**
 * A request for a structured object: a {@link Call} plus the object's schema. It does not repeat
 * the call's fields.
 *
 * @param call the prompt and settings
 * @param schema the object's schema and Java type
 * @param strategy how the schema reaches the model, or null to let the provider's declared
 *     capabilities decide
 * @param repair a last-resort repair of invalid output, tried after the built-in JSON repair, or
 *     null
 */
public record ObjectCall<T>(
    Call call, ObjectSchema<T> schema, ObjectStrategy strategy, RepairHook repair) {
  public ObjectCall {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(schema, "schema");
  }

  public static <T> ObjectCall<T> of(Call call, ObjectSchema<T> schema) {
    return new ObjectCall<>(call, schema, null, null);
  }

  public ObjectCall<T> withStrategy(ObjectStrategy value) {
    return new ObjectCall<>(call, schema, value, repair);
  }

  public ObjectCall<T> withRepair(RepairHook value) {
    return new ObjectCall<>(call, schema, strategy, value);
  }
}
