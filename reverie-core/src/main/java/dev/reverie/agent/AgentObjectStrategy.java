package dev.reverie.agent;

import dev.reverie.ObjectStrategy;
import dev.reverie.spi.ModelCapabilities;

/**
 * How an agent that answers with a typed object gets the object, decided in core from the model's
 * {@link ModelCapabilities}, the same way for every provider.
 */
public enum AgentObjectStrategy {
  /**
   * Every step carries the tools and a JSON-schema response format; the answer after the last tool
   * call is the object. No extra call. For models whose API accepts both in one call ({@link
   * ModelCapabilities#responseFormatWithTools()}).
   */
  RESPONSE_FORMAT_WITH_TOOLS,
  /**
   * The tool loop runs as usual; then one last step without the agent's tools asks for the object
   * by the model's preferred {@link ObjectStrategy} (a forced tool call, a response format, or the
   * schema in the prompt), on the conversation so far. The loop's last prose answer, if any, is
   * left out of that step's prompt: the object replaces it.
   */
  FINAL_OBJECT_STEP;

  /**
   * The strategy for a model with these capabilities, given the object strategy the agent asks for
   * (null: the model's preferred one).
   */
  static AgentObjectStrategy of(ModelCapabilities capabilities, ObjectStrategy requested) {
    boolean responseFormat = requested == null || requested == ObjectStrategy.RESPONSE_FORMAT;
    return responseFormat && capabilities.responseFormatWithTools()
        ? RESPONSE_FORMAT_WITH_TOOLS
        : FINAL_OBJECT_STEP;
  }
}
