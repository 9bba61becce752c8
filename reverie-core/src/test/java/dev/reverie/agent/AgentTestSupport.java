package dev.reverie.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reverie.LanguageModel;
import dev.reverie.Prompt;
import dev.reverie.internal.json.Json;
import dev.reverie.json.JsonObject;
import dev.reverie.message.ToolOutput;
import dev.reverie.stream.Error;
import dev.reverie.stream.StreamPart;
import dev.reverie.tool.Tool;
import dev.reverie.tool.ToolFunction;
import java.util.ArrayList;
import java.util.List;

/** Shared tools and helpers for the agent tests. */
final class AgentTestSupport {
  private AgentTestSupport() {}

  /** How a test runs the agent; behaviour must not depend on it. */
  enum Mode {
    GENERATE,
    STREAM,
    LISTENER
  }

  static JsonObject locationSchema() {
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    ObjectNode location = schema.putObject("properties").putObject("location");
    location.put("type", "string");
    location.put("description", "the city");
    schema.putArray("required").add("location");
    return Json.value(schema);
  }

  static JsonObject emptySchema() {
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    schema.putObject("properties");
    return Json.value(schema);
  }

  static Tool weather() {
    return Tool.of(
        "weather",
        "Get weather information for a location",
        locationSchema(),
        invocation -> ToolOutput.text("40 C"));
  }

  static Tool tool(String name, ToolFunction function) {
    return Tool.of(name, name + " tool", emptySchema(), function);
  }

  static LanguageModel model(ScriptedProviderModel scripted) {
    return LanguageModel.of(scripted);
  }

  /** Runs {@code agent} on {@code prompt} in {@code mode}; the parts seen go to {@code parts}. */
  static AgentResult run(Agent agent, String prompt, Mode mode, List<StreamPart> parts) {
    switch (mode) {
      case GENERATE:
        return agent.generate(prompt);
      case STREAM:
        try (AgentStream stream = agent.stream(prompt)) {
          for (StreamPart part : stream) {
            parts.add(part);
            if (part instanceof Error error) throw error.error();
          }
          return stream.result();
        }
      default:
        return agent.stream(
            Prompt.user(prompt),
            new AgentListener() {
              @Override
              public void onPart(StreamPart part) {
                parts.add(part);
              }
            });
    }
  }

  static AgentResult run(Agent agent, String prompt, Mode mode) {
    return run(agent, prompt, mode, new ArrayList<>());
  }
}
