package dev.reverie.cassette.conformance;

import dev.reverie.json.JsonValue;
import dev.reverie.message.ToolOutput;
import dev.reverie.tool.Tool;

/** The tools of the tool scenarios, with the exact names, descriptions and schemas recorded. */
final class ScenarioTools {
  /** What the weather tool always answers. */
  static final String WEATHER_ANSWER = "40 C";

  private static final String WEATHER_SCHEMA =
      """
      {"type": "object",
       "properties": {"location": {"type": "string", "description": "the city"}},
       "required": ["location"]}
      """;

  private static final String NUMBERS_SCHEMA =
      """
      {"type": "object",
       "properties": {"a": {"type": "integer", "description": "first number"},
                      "b": {"type": "integer", "description": "second number"}},
       "required": ["a", "b"]}
      """;

  private ScenarioTools() {}

  /** {@code weather}: "Get weather information for a location"; answers "40 C". */
  static Tool weather() {
    return Tool.of(
        "weather",
        "Get weather information for a location",
        ScenarioJson.object(WEATHER_SCHEMA),
        invocation -> ToolOutput.text(WEATHER_ANSWER));
  }

  /** {@code add}: "Add two numbers"; answers a + b in decimal. */
  static Tool add() {
    return Tool.of(
        "add",
        "Add two numbers",
        ScenarioJson.object(NUMBERS_SCHEMA),
        invocation ->
            ToolOutput.text(Long.toString(a(invocation.arguments()) + b(invocation.arguments()))));
  }

  /** {@code multiply}: "Multiply two numbers"; answers a × b in decimal. */
  static Tool multiply() {
    return Tool.of(
        "multiply",
        "Multiply two numbers",
        ScenarioJson.object(NUMBERS_SCHEMA),
        invocation ->
            ToolOutput.text(Long.toString(a(invocation.arguments()) * b(invocation.arguments()))));
  }

  private static long a(JsonValue arguments) {
    return arguments.toJsonNode().path("a").asLong();
  }

  private static long b(JsonValue arguments) {
    return arguments.toJsonNode().path("b").asLong();
  }
}
