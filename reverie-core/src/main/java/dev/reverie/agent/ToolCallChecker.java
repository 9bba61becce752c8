package dev.reverie.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.reverie.error.CancelledException;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonValue;
import dev.reverie.message.ToolCallPart;
import dev.reverie.schema.SchemaViolation;
import dev.reverie.tool.ProviderToolSpec;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolCallRepair;
import dev.reverie.tool.ToolSpec;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates the tool calls of one step against the step's tools and offers invalid ones to the
 * repair hook: the tool must exist, the input must parse as one JSON object, and that object must
 * match the tool's input schema.
 *
 * <p>A repair hook that throws leaves the call invalid (with the original problem and the hook's
 * failure) rather than ending the run: a broken hook must not cost the model its chance to correct
 * itself. Only a cancellation goes through.
 */
final class ToolCallChecker {
  private static final Logger LOG = System.getLogger(ToolCallChecker.class.getName());
  private static final ObjectReader STRICT_READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_VIOLATIONS_SHOWN = 5;

  /**
   * The verdict on one call.
   *
   * @param call the call to run or answer (the repaired one when repair succeeded)
   * @param tool the tool to run, or null when invalid
   * @param arguments the parsed arguments, or null when invalid
   * @param problem why the call is invalid, or null when valid
   * @param repairFailure what the repair hook threw, or null
   */
  record Checked(
      ToolCallPart call, Tool tool, JsonValue arguments, String problem, Throwable repairFailure) {
    boolean valid() {
      return problem == null;
    }

    InvalidToolCall toInvalid() {
      return new InvalidToolCall(call, problem, repairFailure);
    }
  }

  private final Map<String, Tool> tools = new LinkedHashMap<>();
  private final List<ToolSpec> specs = new ArrayList<>();
  private final StepPlan plan;
  private final ToolCallRepair repair;

  ToolCallChecker(StepPlan plan, ToolCallRepair repair) {
    this.plan = plan;
    this.repair = repair;
    for (Tool tool : plan.tools()) {
      tools.putIfAbsent(tool.name(), tool);
      specs.add(tool.spec());
    }
    for (ProviderToolSpec tool : plan.providerTools()) specs.add(tool);
  }

  /** Validates {@code call}, repairing it when the hook can. */
  Checked check(ToolCallPart call) {
    Checked first = validate(call);
    if (first.valid()) return first;
    Optional<ToolCallPart> repaired;
    try {
      repaired =
          repair.repair(
              new ToolCallRepair.Request(
                  call, first.problem(), specs, plan.system(), plan.messages()));
    } catch (CancelledException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancelledException("interrupted while repairing a tool call", e);
      }
      LOG.log(
          Level.WARNING,
          "the tool-call repair hook failed on tool "
              + call.toolName()
              + " (call "
              + call.toolCallId()
              + "); the call stays invalid",
          e);
      return new Checked(call, null, null, first.problem(), e);
    }
    if (repaired == null || repaired.isEmpty() || repaired.get().equals(call)) return first;
    Checked second = validate(repaired.get());
    return second.valid() ? second : first;
  }

  private Checked validate(ToolCallPart call) {
    Tool tool = tools.get(call.toolName());
    if (tool == null) {
      String available =
          tools.isEmpty()
              ? "no tools are available"
              : "available tools: " + String.join(", ", tools.keySet());
      return invalid(call, "tool not found: " + call.toolName() + "; " + available);
    }
    JsonNode arguments;
    try {
      arguments = STRICT_READER.readTree(call.input());
    } catch (JsonProcessingException e) {
      return invalid(
          call, "invalid JSON input for tool " + call.toolName() + ": " + e.getOriginalMessage());
    }
    if (arguments == null || !arguments.isObject()) {
      return invalid(call, "the input of tool " + call.toolName() + " must be a JSON object");
    }
    JsonValue parsed = JsonValue.fromJsonNode(arguments);
    List<String> violations =
        tool.validate(parsed).stream().map(SchemaViolation::toString).toList();
    if (!violations.isEmpty()) {
      var text =
          new StringBuilder("the input of tool ")
              .append(call.toolName())
              .append(" does not match its schema: ")
              .append(
                  String.join(
                      "; ",
                      violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS_SHOWN))));
      if (violations.size() > MAX_VIOLATIONS_SHOWN) {
        text.append("; and ").append(violations.size() - MAX_VIOLATIONS_SHOWN).append(" more");
      }
      return invalid(call, text.toString());
    }
    return new Checked(call, tool, parsed, null, null);
  }

  private static Checked invalid(ToolCallPart call, String problem) {
    return new Checked(call, null, null, problem, null);
  }
}
