package dev.reverie;

/** How a schema reaches the model when an object is asked for. */
public enum ObjectStrategy {
  /** The provider's native structured output (a JSON-schema response format). */
  RESPONSE_FORMAT,
  /** A single tool, named after the schema, that the model is forced to call. */
  FORCED_TOOL,
  /** The schema in the system prompt, with an instruction to answer with JSON only. */
  SCHEMA_IN_PROMPT
}
