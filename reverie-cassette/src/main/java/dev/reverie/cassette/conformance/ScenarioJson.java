package dev.reverie.cassette.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Parses the JSON schemas that scenarios spell out as text. */
final class ScenarioJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScenarioJson() {}

  /** The JSON object in {@code text}, a constant of this package. */
  static ObjectNode object(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("a scenario's schema constant is not a JSON object", e);
    }
  }
}
