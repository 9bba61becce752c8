package dev.reverie.cassette.conformance;

import dev.reverie.json.JsonObject;
import dev.reverie.json.JsonValue;

/** Parses the JSON schemas that scenarios spell out as text. */
final class ScenarioJson {
  private ScenarioJson() {}

  /** The JSON object in {@code text}, a constant of this package. */
  static JsonObject object(String text) {
    if (JsonValue.parse(text) instanceof JsonObject object) return object;
    throw new IllegalStateException("a scenario's schema constant is not a JSON object");
  }
}
