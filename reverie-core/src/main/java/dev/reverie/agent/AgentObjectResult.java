package dev.reverie.agent;

import dev.reverie.ObjectResult;
import dev.reverie.Usage;
import java.util.List;
import java.util.Objects;

/**
 * What an agent asked for a typed object produced: the validated object and the whole run.
 *
 * @param object the object, validated against its schema and bound to {@code T}
 * @param objectResult the object's details: its JSON tree, the raw text, whether it was repaired,
 *     and the usage and finish reason of the call that wrote it
 * @param steps the steps of the tool loop, in order (with {@link
 *     AgentObjectStrategy#RESPONSE_FORMAT_WITH_TOOLS} the last one wrote the object)
 * @param totalUsage the usage of the whole run: every step, plus the object step if one was made
 * @param strategy how the object was obtained
 */
public record AgentObjectResult<T>(
    T object,
    ObjectResult<T> objectResult,
    List<Step> steps,
    Usage totalUsage,
    AgentObjectStrategy strategy) {
  public AgentObjectResult {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(objectResult, "objectResult");
    steps = List.copyOf(steps);
    Objects.requireNonNull(totalUsage, "totalUsage");
    Objects.requireNonNull(strategy, "strategy");
  }
}
