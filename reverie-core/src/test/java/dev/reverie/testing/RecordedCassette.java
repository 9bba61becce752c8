package dev.reverie.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A conformance cassette copied into test resources as JSON (request and response bodies of each
 * interaction, extracted from the shared go-vcr YAML without changing them).
 */
public record RecordedCassette(String name, List<Interaction> interactions) {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** One recorded request and the response the real API gave to it. */
  public record Interaction(
      String url, String requestBody, String contentType, String responseBody) {
    /** The recorded request body, parsed with plain number types for comparisons. */
    public JsonNode request() {
      return plainTree(requestBody);
    }
  }

  /**
   * Loads {@code anthropic/cassettes/<name>.json}, e.g. {@code
   * TestAnthropicCommon/claude-sonnet-4/tool}.
   */
  public static RecordedCassette load(String name) {
    return load("anthropic", name);
  }

  /**
   * Loads {@code <format>/cassettes/<name>.json}, e.g. {@code gemini} and {@code
   * TestGoogleCommon/gemini-2.5-flash/multi_tool}.
   */
  public static RecordedCassette load(String format, String name) {
    return loadResource("/" + format + "/cassettes/" + name + ".json");
  }

  /**
   * Loads a cassette of this form from any test resource, e.g. {@code /openai/cassettes/x.json}.
   */
  public static RecordedCassette loadResource(String resource) {
    String name = resource;
    try (InputStream in = RecordedCassette.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + resource);
      JsonNode root = PLAIN.readTree(in);
      var interactions = new ArrayList<Interaction>();
      for (JsonNode it : root.path("interactions")) {
        interactions.add(
            new Interaction(
                it.path("url").asText(),
                it.path("request_body").asText(),
                it.path("content_type").asText(),
                it.path("response_body").asText()));
      }
      return new RecordedCassette(name, List.copyOf(interactions));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Interaction interaction(int index) {
    return interactions.get(index);
  }

  /**
   * A JSON text parsed with default number types, so that bodies compare as the conformance matcher
   * compares them: key order and whitespace ignored, numbers by value.
   */
  public static JsonNode plainTree(String json) {
    try {
      return PLAIN.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
