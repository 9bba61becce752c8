package dev.reverie.cassette.conformance;

/** Which script runs which {@link Scenario}. */
final class ScenarioScripts {
  private ScenarioScripts() {}

  static ScenarioScript of(Scenario scenario) {
    boolean streaming = scenario.isStreaming();
    return switch (scenario) {
      case SIMPLE, SIMPLE_STREAMING -> context -> AgentScenarios.simple(context, streaming);
      case TOOL, TOOL_STREAMING -> context -> AgentScenarios.tool(context, streaming);
      case MULTI_TOOL, MULTI_TOOL_STREAMING ->
          context -> AgentScenarios.multiTool(context, streaming);
      case THINKING, THINKING_STREAMING -> context -> AgentScenarios.thinking(context, streaming);
      case IMAGE_UPLOAD, IMAGE_UPLOAD_STREAMING ->
          context -> AgentScenarios.imageUpload(context, streaming);
      case SIMPLE_OBJECT, SIMPLE_OBJECT_STREAMING ->
          context -> ObjectScenarios.simpleObject(context, streaming);
      case COMPLEX_OBJECT, COMPLEX_OBJECT_STREAMING ->
          context -> ObjectScenarios.complexObject(context, streaming);
      case COMPUTER_USE, COMPUTER_USE_STREAMING ->
          context -> ComputerUseScenario.run(context, streaming);
      case WEB_SEARCH, WEB_SEARCH_STREAMING -> context -> WebSearchScenario.run(context, streaming);
    };
  }
}
