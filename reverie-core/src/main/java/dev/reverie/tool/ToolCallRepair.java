package dev.reverie.tool;

import dev.reverie.error.JsonLimitException;
import dev.reverie.message.Message;
import dev.reverie.message.ToolCallPart;
import dev.reverie.repair.JsonRepair;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hook that may fix a tool call the model got wrong (an unknown tool name, arguments that do not
 * parse or do not match the schema) before the agent gives up on it.
 *
 * <p>The agent validates what the hook returns again; a call that is still invalid is recorded as
 * invalid and answered with an error result, as if there were no hook. The hook runs on the agent's
 * calling thread; it may call a model. An exception it throws does not end the agent run: the call
 * is recorded as invalid with both the original problem and the hook's failure, and the model gets
 * the usual error result. Only a {@link dev.reverie.error.CancelledException} (or an interrupt of
 * the calling thread) ends the run, as a cancellation.
 */
@FunctionalInterface
public interface ToolCallRepair {

  /** A repaired call, or empty to leave the call invalid. */
  Optional<ToolCallPart> repair(Request request);

  /**
   * What the hook gets to work with.
   *
   * @param call the call as the model made it
   * @param problem why the call is invalid
   * @param tools the tools available in this step
   * @param system the step's system messages, sent before {@code messages}; empty for none
   * @param messages the messages sent to the model in this step, without the system messages
   */
  record Request(
      ToolCallPart call,
      String problem,
      List<ToolSpec> tools,
      List<Message> system,
      List<Message> messages) {
    public Request {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(problem, "problem");
      tools = List.copyOf(tools);
      system = system == null ? List.of() : List.copyOf(system);
      messages = List.copyOf(messages);
    }

    /** The text of the system messages, joined by blank lines; empty for none. */
    public String systemText() {
      var text = new StringBuilder();
      for (Message message : system) {
        if (text.length() > 0) text.append("\n\n");
        text.append(message.text());
      }
      return text.toString();
    }
  }

  /**
   * Repairs the arguments as JSON (code fences, trailing commas, single quotes, unquoted keys, a
   * truncated tail…) with {@link JsonRepair}; offers nothing when that changes nothing. The agent's
   * default.
   */
  static ToolCallRepair jsonRepair() {
    return request -> {
      ToolCallPart call = request.call();
      Optional<String> fixed;
      try {
        fixed = JsonRepair.repair(call.input());
      } catch (JsonLimitException tooDeep) {
        return Optional.empty();
      }
      return fixed
          .filter(text -> !text.equals(call.input()))
          .map(
              text ->
                  new ToolCallPart(
                      call.toolCallId(),
                      call.toolName(),
                      text,
                      call.providerExecuted(),
                      call.providerData()));
    };
  }

  /** No repair: invalid calls stay invalid. */
  static ToolCallRepair none() {
    return request -> Optional.empty();
  }

  /** Tries {@code this}, then {@code other} when this one gives nothing. */
  default ToolCallRepair orElse(ToolCallRepair other) {
    Objects.requireNonNull(other, "other");
    return request -> {
      Optional<ToolCallPart> repaired = repair(request);
      return repaired.isPresent() ? repaired : other.repair(request);
    };
  }
}
